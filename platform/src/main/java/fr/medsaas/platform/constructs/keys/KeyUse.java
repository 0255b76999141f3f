package fr.medsaas.platform.constructs.keys;

import fr.medsaas.platform.constructs.iam.RolePattern;
import java.util.List;
import java.util.Optional;

/**
 * One statement of a key policy that lets named roles use the key (HARD-7). Plain data.
 *
 * @param sid        the statement id
 * @param viaService the service the calls must come through ({@code rds}, as in
 *                   {@code rds.eu-west-3.amazonaws.com}); empty for direct use by the roles
 * @param actions    the cryptographic actions allowed
 * @param principals the roles, by ARN pattern ({@code aws:PrincipalArn})
 * @param grants     whether the roles may also create grants for the service's own use of the key
 *                   ({@code kms:CreateGrant} with {@code kms:GrantIsForAWSResource}), in a statement of
 *                   its own named {@code sid + "Grants"}
 */
public record KeyUse(String sid, Optional<String> viaService, List<String> actions, List<RolePattern> principals,
                     boolean grants) {
    public KeyUse {
        actions = List.copyOf(actions);
        principals = List.copyOf(principals);
    }
}
