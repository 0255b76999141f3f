package fr.medsaas.config;

import java.util.List;

/**
 * The web ACLs' settings that fit a medical app (WAF-1 extended, issue 20): where documents are
 * uploaded, so that the common rule set's 8 KB body limit does not block them there, and a
 * tighter rate limit on the login path against password guessing.
 *
 * @param uploadPaths       URI path prefixes that accept large request bodies (documents, images)
 * @param loginPath         the URI path prefix of the login form
 * @param loginRateLimit    requests one client IP may send to the login path in 5 minutes
 */
public record FirewallConfig(
        @Doc(value = "URI path prefixes where patients and doctors upload documents: the common rule set's 8 KB "
                + "body limit (SizeRestrictions_BODY) is lifted there only", defaultValue = "[/api/uploads/, /api/documents/]",
                rule = "1 to 10 prefixes, each starting with /, at most 256 characters, no spaces")
        List<String> uploadPaths,
        @Doc(value = "URI path prefix of the login form, rate-limited on its own", defaultValue = "/accounts/login/",
                rule = "starts with /, at most 256 characters, no spaces")
        String loginPath,
        @Doc(value = "Requests one client IP may send to the login path in 5 minutes before it is blocked",
                defaultValue = "100", rule = "10 (AWS WAF's minimum) to 2000")
        int loginRateLimit) {

    public FirewallConfig {
        uploadPaths = uploadPaths == null ? List.of() : List.copyOf(uploadPaths);
    }
}
