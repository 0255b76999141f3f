package fr.medsaas.sandbox;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit extension of the integration tier: one moto server for the whole test run (closed when
 * the run ends, and by a JVM shutdown hook at the latest), reset before each test class, given
 * to the class's {@code @BeforeAll} as a {@link MotoServer} parameter. Without moto_server the
 * class is skipped with a printed notice, except on CI ({@code CI=true}), where it fails.
 */
public final class Emulator implements ExecutionCondition, BeforeAllCallback, ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(Emulator.class);

    /** Whether a missing emulator fails the run rather than skipping: on CI. */
    static boolean required() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (MotoServer.isAvailable() || required()) {
            return ConditionEvaluationResult.enabled("moto_server is available, or required (CI=true)");
        }
        // Disabled rather than aborted: surefire then counts every test of the class as skipped.
        String notice = "[sandbox] SKIPPED " + context.getDisplayName() + ": " + MotoServer.unavailableMessage();
        if (context.getTestMethod().isEmpty()) {
            System.out.println(notice);
        }
        return ConditionEvaluationResult.disabled(notice);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        if (!MotoServer.isAvailable()) {
            throw new IllegalStateException(MotoServer.unavailableMessage()
                    + ". CI=true: the sandbox's integration tests must run here (SBX-1).");
        }
        server(context).reset();
    }

    private static MotoServer server(ExtensionContext context) {
        // The root store closes what it holds (AutoCloseable) when the whole run ends.
        return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent("moto", k -> MotoServer.start(), MotoServer.class);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == MotoServer.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return server(context);
    }
}
