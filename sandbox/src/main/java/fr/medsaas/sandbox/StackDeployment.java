package fr.medsaas.sandbox;

import fr.medsaas.sandbox.EmulatorTemplate.LeftOut;
import fr.medsaas.sandbox.EmulatorTemplate.Placeholder;
import java.time.Duration;
import java.util.List;

/**
 * What happened to one stack in the emulator.
 *
 * @param stackName         the CloudFormation stack name
 * @param region            its region
 * @param status            the emulator's final stack status ({@code CREATE_COMPLETE}), or
 *                          {@value #REFUSED} when CreateStack itself failed
 * @param resourcesCreated  resources the emulator reports as created
 * @param template          the emulator's copy of the template, with what was left out, replaced and rewritten
 * @param failureReason     why the stack failed (failed stack events, or CreateStack's error); empty on success
 * @param elapsed           time from CreateStack to the final status
 */
public record StackDeployment(String stackName, String region, String status, int resourcesCreated,
                              EmulatorTemplate template, String failureReason, Duration elapsed) {
    /** The status of a stack whose CreateStack call failed (moto creates resources inside that call). */
    public static final String REFUSED = "CREATE_REFUSED";
    /** The status every stack must reach. */
    public static final String COMPLETE = "CREATE_COMPLETE";
    /** The status of a stack already in the emulator, updated to the new template. */
    public static final String UPDATED = "UPDATE_COMPLETE";
    /** The status of a stack already in the emulator whose template did not change (nothing was called). */
    public static final String UNCHANGED = "UNCHANGED";

    /** Whether the stack reached {@code CREATE_COMPLETE}, or {@code UPDATE_COMPLETE}, or was already as wanted. */
    public boolean succeeded() {
        return COMPLETE.equals(status) || UPDATED.equals(status) || UNCHANGED.equals(status);
    }

    /** The resources left out of the emulator's template. */
    public List<LeftOut> leftOut() {
        return template.leftOut();
    }

    /** The references to left-out resources that got a placeholder or were dropped. */
    public List<Placeholder> placeholders() {
        return template.placeholders();
    }
}
