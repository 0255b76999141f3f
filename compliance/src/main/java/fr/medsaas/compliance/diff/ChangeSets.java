package fr.medsaas.compliance.diff;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * CloudFormation's own answer for one stack: a change set created, described and deleted, never
 * executed. Implemented over the AWS SDK where an account is at hand, by a stub in tests.
 */
public interface ChangeSets {
    /**
     * The changes CloudFormation would make to {@code stackName} in {@code region} to reach
     * {@code template}; throws {@link UnsupportedOperationException} with the reason when it cannot say.
     */
    List<ChangeSetEntry> preview(String stackName, String region, JsonNode template);
}
