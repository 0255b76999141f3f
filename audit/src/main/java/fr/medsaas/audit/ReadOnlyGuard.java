package fr.medsaas.audit;

import java.util.Set;
import java.util.SortedSet;
import java.util.concurrent.ConcurrentSkipListSet;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Installed on every client the audit builds: refuses, before anything is sent, any operation
 * that is not a read (List*, Describe*, Get*), except CloudFormation's DetectStackDrift, which
 * AUD-1 asks for and which writes nothing to any resource (it starts a drift-detection run and
 * records its result in CloudFormation). Records every operation called, for the tests.
 */
public final class ReadOnlyGuard implements ExecutionInterceptor {
    /** The only operations allowed besides List*, Describe* and Get*: "Service:Operation". */
    public static final Set<String> ALLOWED_DETECT_CALLS = Set.of("CloudFormation:DetectStackDrift");

    private final SortedSet<String> called = new ConcurrentSkipListSet<>();

    /** Whether the audit may call this operation of this service. */
    public static boolean allowed(String service, String operation) {
        return operation.startsWith("List") || operation.startsWith("Describe") || operation.startsWith("Get")
                || ALLOWED_DETECT_CALLS.contains(service + ":" + operation);
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        String service = attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME);
        String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        if (!allowed(service, operation)) {
            throw new IllegalStateException("medsaas audit is read-only: refused " + service + ":" + operation);
        }
        called.add(service + ":" + operation);
    }

    /** Records a call made outside the SDK's clients (see SignedJsonReads), already checked with {@link #allowed}. */
    void record(String service, String operation) {
        called.add(service + ":" + operation);
    }

    /** Every "Service:Operation" called so far. */
    public SortedSet<String> called() {
        return new java.util.TreeSet<>(called);
    }
}
