package fr.medsaas.platform.constructs.delivery;

import java.util.List;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.ecr.IRepository;
import software.amazon.awscdk.services.ecr.LifecycleRule;
import software.amazon.awscdk.services.ecr.Repository;
import software.amazon.awscdk.services.ecr.RepositoryEncryption;
import software.amazon.awscdk.services.ecr.TagMutability;
import software.amazon.awscdk.services.ecr.TagStatus;
import software.constructs.Construct;

/**
 * An ECR repository as CI-1 wants it: images scanned on push, tags immutable (a tag names one
 * image for ever, so the image a service runs is the one that was built and scanned), encrypted
 * with the delivery key, the newest tagged images kept and untagged ones expired, and retained
 * when the stack is deleted or the repository replaced.
 */
public final class ImageRepository extends Construct {
    private final Repository repository;

    public ImageRepository(Construct scope, String id, ImageRepositoryProps props) {
        super(scope, id);
        this.repository = Repository.Builder.create(this, "Resource")
                .repositoryName(props.repositoryName())
                .imageScanOnPush(true)
                .imageTagMutability(TagMutability.IMMUTABLE)
                .encryption(RepositoryEncryption.KMS)
                .encryptionKey(props.key())
                .lifecycleRules(List.of(
                        LifecycleRule.builder().rulePriority(1)
                                .description("Expire untagged images after " + props.untaggedImageExpiryDays() + " days")
                                .tagStatus(TagStatus.UNTAGGED)
                                .maxImageAge(Duration.days(props.untaggedImageExpiryDays()))
                                .build(),
                        LifecycleRule.builder().rulePriority(2)
                                .description("Keep the newest " + props.imagesKept() + " tagged images")
                                .tagStatus(TagStatus.TAGGED)
                                .tagPatternList(List.of("*"))
                                .maxImageCount(props.imagesKept())
                                .build()))
                .removalPolicy(RemovalPolicy.RETAIN_ON_UPDATE_OR_DELETE)
                .build();
    }

    /** The repository. */
    public IRepository repository() {
        return repository;
    }
}
