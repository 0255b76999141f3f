package fr.medsaas.config;

/**
 * The App stack (ECS-1..6, ALB-1..3): the web and worker services and the load balancer.
 *
 * @param certificateArn          the ACM certificate of the HTTPS listener, in the primary region
 * @param djangoSettingsModule    the value of DJANGO_SETTINGS_MODULE
 * @param web                     the web service (Django behind the load balancer)
 * @param worker                  the worker service (Celery)
 * @param ecsExec                 whether ECS Exec (a shell into running tasks) is allowed
 * @param loadBalancerDeletionProtection whether the load balancer is protected against deletion
 * @param firewall                the web ACLs' upload paths and login rate limit (WAF-1, issue 20)
 */
public record AppConfig(
        @Doc(value = "ACM certificate of the HTTPS listener (ALB-1)",
                rule = "arn:aws:acm:<primary region>:<12-digit account>:certificate/<uuid>")
        String certificateArn,
        @Doc(value = "DJANGO_SETTINGS_MODULE of both services (ECS-2)", defaultValue = "config.settings.production",
                rule = "a dotted Python module path")
        String djangoSettingsModule,
        @Doc(value = "The web service, django-service (ECS-2, ECS-3)", defaultValue = "{}")
        ServiceConfig web,
        @Doc(value = "The worker service, Celery (ECS-4)",
                defaultValue = "{command: [celery, -A, config, worker, --loglevel=info], desiredCount: 1, minCapacity: 1, maxCapacity: 4}")
        ServiceConfig worker,
        @Doc(value = "ECS Exec into running tasks (ECS-5: off unless turned on)", defaultValue = "false",
                rule = "true or false")
        boolean ecsExec,
        @Doc(value = "Deletion protection of the load balancer (ALB-2)", defaultValue = "true", rule = "true or false")
        boolean loadBalancerDeletionProtection,
        @Doc(value = "Web ACL settings for a medical app: upload paths and the login rate limit (WAF-1)", defaultValue = "{}")
        FirewallConfig firewall) {

    /** The same settings with other web and worker services (their images pinned by deploy, DEP-1). */
    public AppConfig withServices(ServiceConfig otherWeb, ServiceConfig otherWorker) {
        return new AppConfig(certificateArn, djangoSettingsModule, otherWeb, otherWorker, ecsExec,
                loadBalancerDeletionProtection, firewall);
    }
}
