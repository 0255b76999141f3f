package fr.medsaas.cli;

import fr.medsaas.sandbox.preflight.TargetAccount;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** An account ready for a deployment but for ECS's service-linked role; records what it was asked to create. */
final class StubAccount implements TargetAccount {
    static final String ACCOUNT = "111122223333";
    final List<String> created = new ArrayList<>();

    @Override
    public String accountId() {
        return ACCOUNT;
    }

    @Override
    public Optional<String> certificateStatus(String certificateArn) {
        return Optional.of("ISSUED");
    }

    @Override
    public ImageState image(String region, String repository, String tagOrDigest) {
        return ImageState.PRESENT;
    }

    @Override
    public boolean roleExists(String roleName) {
        return !"AWSServiceRoleForECS".equals(roleName);
    }

    @Override
    public Optional<String> bootstrapKey(String region, String toolkitStackName) {
        return Optional.of("arn:aws:kms:" + region + ":" + ACCOUNT + ":key/0000");
    }

    @Override
    public Optional<String> prefixListId(String region, String prefixListName) {
        // The shipped configuration's id for eu-west-3's S3 prefix list.
        return Optional.of("pl-23ad484a");
    }

    @Override
    public BucketState bucket(String name) {
        return BucketState.FREE;
    }

    @Override
    public void createServiceLinkedRole(String service) {
        created.add(service);
    }

    @Override
    public void close() {
    }
}
