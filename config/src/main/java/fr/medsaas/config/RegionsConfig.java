package fr.medsaas.config;

/**
 * Where the platform lives (REG-1..3).
 *
 * @param primary the workload and its data (REG-1)
 * @param backup  backups and replicas (REG-2)
 * @param edge    the CloudFront web ACL only, which AWS requires in us-east-1 (REG-3)
 */
public record RegionsConfig(
        @Doc(value = "Region of the workload and its data (REG-1)", defaultValue = "eu-west-3",
                rule = "an AWS region inside the EU")
        String primary,
        @Doc(value = "Region of backups and replicas (REG-2)", defaultValue = "eu-central-1",
                rule = "an AWS region inside the EU, not the primary")
        String backup,
        @Doc(value = "Region of the CloudFront web ACL, which holds no data (REG-3)", defaultValue = "us-east-1",
                rule = "us-east-1 only (AWS requires CLOUDFRONT-scope web ACLs there)")
        String edge) {
}
