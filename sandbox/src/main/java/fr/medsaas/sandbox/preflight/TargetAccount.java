package fr.medsaas.sandbox.preflight;

/**
 * The account a deployment goes to: the preflight's read-only questions, plus the deploy's one
 * write before CloudFormation, the creation of a missing service-linked role; and the images' questions
 * that pin them by digest (DEP-1).
 */
public interface TargetAccount extends AwsFacts, fr.medsaas.sandbox.deploy.ImageRegistry, AutoCloseable {
    /** Creates the service-linked role of {@code service} ({@code ecs.amazonaws.com}, ...). */
    void createServiceLinkedRole(String service);

    @Override
    void close();
}
