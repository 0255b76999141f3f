package fr.medsaas.platform.constructs.delivery;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The buildspec of the image build (CI-2), as plain data: the source document's, corrected where
 * it would not work with immutable tags (CI-1).
 *
 * <ul>
 *   <li>The image is tagged with the full source revision only: the source pushed {@code latest}
 *       too, which an immutable repository refuses the second time, and cut the commit hash to 7
 *       characters, whose collisions an immutable repository would also refuse.</li>
 *   <li>No revision, no image: the source fell back to {@code latest}.</li>
 *   <li>A revision already pushed (a retried pipeline) is not rebuilt: pushing the same tag again
 *       would fail.</li>
 *   <li>The registry comes from the repository URI the project is given, not from a hand-built
 *       account id (CodeBuild sets no {@code AWS_ACCOUNT_ID}).</li>
 *   <li>A failed login or build stops the build ({@code on-failure: ABORT}); the source's
 *       post_build would have written image definitions of an image never pushed.</li>
 *   <li>{@code imagedefinitions.json} names both containers; each service's deploy action reads a
 *       file naming its own container only.</li>
 * </ul>
 *
 * @param webContainer    the web task's container name ({@code django-app})
 * @param workerContainer the worker task's container name ({@code celery-worker})
 * @param separateWorkerRepository whether the worker's image goes to its own repository too
 */
public record ImageBuildSpec(String webContainer, String workerContainer, boolean separateWorkerRepository) {
    /** The web repository's URI, given to the project. */
    public static final String WEB_REPOSITORY_URI = "WEB_REPOSITORY_URI";
    /** The worker repository's URI, given to the project (the web's when they are the same). */
    public static final String WORKER_REPOSITORY_URI = "WORKER_REPOSITORY_URI";
    /** The source revision, from the pipeline's source action variables. */
    public static final String SOURCE_REVISION = "SOURCE_REVISION";
    /** Image definitions of both containers. */
    public static final String ALL_IMAGES = "imagedefinitions.json";
    /** Image definitions of the web container, for the web service's deploy action. */
    public static final String WEB_IMAGES = "imagedefinitions-web.json";
    /** Image definitions of the worker container, for the worker service's deploy action. */
    public static final String WORKER_IMAGES = "imagedefinitions-worker.json";

    /** The buildspec, as CodeBuild reads it (version 0.2). */
    public Map<String, Object> toMap() {
        Map<String, Object> phases = new LinkedHashMap<>();
        phases.put("pre_build", phase(List.of(
                "REVISION=\"${" + SOURCE_REVISION + ":-${CODEBUILD_RESOLVED_SOURCE_VERSION:-}}\"",
                "if [ -z \"$REVISION\" ]; then echo 'No source revision: refusing to build an image without a tag "
                        + "that names its commit' >&2; exit 1; fi",
                "IMAGE_TAG=\"$REVISION\"",
                "REGISTRY=\"${" + WEB_REPOSITORY_URI + "%%/*}\"",
                "echo Logging in to Amazon ECR $REGISTRY",
                "aws ecr get-login-password --region \"$AWS_DEFAULT_REGION\" | docker login --username AWS "
                        + "--password-stdin \"$REGISTRY\"")));
        List<String> build = new ArrayList<>();
        build.add("if aws ecr describe-images --repository-name \"${" + WEB_REPOSITORY_URI + "#*/}\" --image-ids "
                + "imageTag=\"$IMAGE_TAG\" > /dev/null 2>&1; then echo \"$" + WEB_REPOSITORY_URI + ":$IMAGE_TAG already "
                + "pushed (tags are immutable): not rebuilt\"; else docker build -f backend/Dockerfile -t \"$"
                + WEB_REPOSITORY_URI + ":$IMAGE_TAG\" backend/ && docker push \"$" + WEB_REPOSITORY_URI + ":$IMAGE_TAG\"; fi");
        if (separateWorkerRepository) {
            build.add("if aws ecr describe-images --repository-name \"${" + WORKER_REPOSITORY_URI + "#*/}\" --image-ids "
                    + "imageTag=\"$IMAGE_TAG\" > /dev/null 2>&1; then echo \"$" + WORKER_REPOSITORY_URI + ":$IMAGE_TAG "
                    + "already pushed\"; else docker pull \"$" + WEB_REPOSITORY_URI + ":$IMAGE_TAG\" && docker tag \"$"
                    + WEB_REPOSITORY_URI + ":$IMAGE_TAG\" \"$" + WORKER_REPOSITORY_URI + ":$IMAGE_TAG\" && docker push \"$"
                    + WORKER_REPOSITORY_URI + ":$IMAGE_TAG\"; fi");
        }
        phases.put("build", phase(build));
        String web = "{\"name\":\"" + webContainer + "\",\"imageUri\":\"%s\"}";
        String worker = "{\"name\":\"" + workerContainer + "\",\"imageUri\":\"%s\"}";
        String webUri = "\"$" + WEB_REPOSITORY_URI + ":$IMAGE_TAG\"";
        String workerUri = "\"$" + WORKER_REPOSITORY_URI + ":$IMAGE_TAG\"";
        phases.put("post_build", Map.of("commands", List.of(
                "printf '[" + web + "," + worker + "]' " + webUri + " " + workerUri + " > " + ALL_IMAGES,
                "printf '[" + web + "]' " + webUri + " > " + WEB_IMAGES,
                "printf '[" + worker + "]' " + workerUri + " > " + WORKER_IMAGES,
                "cat " + ALL_IMAGES)));
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("version", "0.2");
        spec.put("env", Map.of("shell", "bash"));
        spec.put("phases", phases);
        spec.put("artifacts", Map.of("files", List.of(ALL_IMAGES, WEB_IMAGES, WORKER_IMAGES)));
        return spec;
    }

    private static Map<String, Object> phase(List<String> commands) {
        Map<String, Object> phase = new LinkedHashMap<>();
        phase.put("on-failure", "ABORT");
        phase.put("commands", List.copyOf(commands));
        return phase;
    }
}
