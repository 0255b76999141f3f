package fr.medsaas.config;

import java.util.List;

/**
 * One Fargate service of the App stack (ECS-2..4): its image, size, count and scaling.
 *
 * @param image                  the container image
 * @param cpu                    task CPU units
 * @param memoryMiB              task memory
 * @param desiredCount           tasks started at deployment
 * @param minCapacity            autoscaling floor
 * @param maxCapacity            autoscaling ceiling
 * @param targetCpuPercent       the CPU utilisation autoscaling keeps
 * @param command                the container's command, or empty for the image's own
 * @param readonlyRootFilesystem whether the root filesystem is read-only (a writable /tmp is mounted)
 */
public record ServiceConfig(
        @Doc(value = "Container image", defaultValue = "{}")
        ImageConfig image,
        @Doc(value = "Task CPU units (ECS-2)", defaultValue = "1024", rule = "256, 512, 1024, 2048, 4096, 8192 or 16384")
        int cpu,
        @Doc(value = "Task memory in MiB (ECS-2)", defaultValue = "2048",
                rule = "a Fargate pair with the CPU, e.g. 1024 CPU: 2048 to 8192 by 1024")
        int memoryMiB,
        @Doc(value = "Tasks at deployment (ECS-3)", defaultValue = "2", rule = "from minCapacity to maxCapacity")
        int desiredCount,
        @Doc(value = "Autoscaling floor (ECS-3)", defaultValue = "2", rule = "1 or more; 2 or more for the web service in prod")
        int minCapacity,
        @Doc(value = "Autoscaling ceiling (ECS-3)", defaultValue = "6", rule = "at least minCapacity, at most 100")
        int maxCapacity,
        @Doc(value = "CPU utilisation that autoscaling keeps (ECS-3)", defaultValue = "70", rule = "10 to 90 percent")
        int targetCpuPercent,
        @Doc(value = "Container command; empty keeps the image's own (ECS-4)", defaultValue = "[]",
                rule = "a list of strings")
        List<String> command,
        @Doc(value = "Read-only root filesystem, with a writable /tmp (ECS-5)", defaultValue = "true",
                rule = "true or false")
        boolean readonlyRootFilesystem,
        @Doc(value = "User the container runs as, uid or uid:gid (HARD-1)", defaultValue = "\"1000:1000\"",
                rule = "uid or uid:gid, numbers from 1 to 2147483647: never root (0)")
        String user) {

    public ServiceConfig {
        command = List.copyOf(command);
    }

    /** The same service with another image (the one deploy pinned by digest, DEP-1). */
    public ServiceConfig withImage(ImageConfig other) {
        return new ServiceConfig(other, cpu, memoryMiB, desiredCount, minCapacity, maxCapacity, targetCpuPercent, command,
                readonlyRootFilesystem, user);
    }
}
