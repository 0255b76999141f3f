package fr.medsaas.platform.flags;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.medsaas.config.Requirement;
import fr.medsaas.platform.TestApps;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;

/**
 * HARD-8: every feature flag that the aws-cdk-lib on the class path recommends is decided: set to
 * its recommended value, or declined with a reason. Read from the library itself (its jsii bundle
 * ships {@code recommended-feature-flags.json}), so an upgrade that brings new flags fails here.
 */
class FeatureFlagsTest {
    private static JsonNode recommended;

    @BeforeAll
    static void readTheLibrarysRecommendations() throws IOException {
        String bundle = bundleName();
        try (InputStream in = App.class.getClassLoader().getResourceAsStream(bundle)) {
            assertThat(in).as(bundle).isNotNull();
            recommended = new ObjectMapper().readTree(entry(new GZIPInputStream(in), "package/recommended-feature-flags.json"));
        }
        assertThat(recommended.size()).as("recommended flags of aws-cdk-lib").isGreaterThan(50);
    }

    /** The jsii bundle's resource name, e.g. software/amazon/awscdk/aws-cdk-lib@2.263.0.jsii.tgz. */
    private static String bundleName() {
        String version = App.class.getPackage().getImplementationVersion();
        assertThat(version).as("aws-cdk-lib's version, from its jar's manifest").isNotNull();
        return "software/amazon/awscdk/aws-cdk-lib@" + version + ".jsii.tgz";
    }

    /** One file of a tar stream (ustar: 512-byte headers, size in octal). */
    private static byte[] entry(InputStream tar, String name) throws IOException {
        byte[] header = new byte[512];
        while (tar.readNBytes(header, 0, 512) == 512) {
            String entryName = new String(header, 0, 100, StandardCharsets.US_ASCII).replace("\0", "");
            if (entryName.isEmpty()) {
                break;
            }
            long size = Long.parseLong(new String(header, 124, 12, StandardCharsets.US_ASCII).replace("\0", "").trim(), 8);
            if (entryName.equals(name)) {
                return tar.readNBytes((int) size);
            }
            tar.skipNBytes((size + 511) / 512 * 512);
        }
        throw new AssertionError(name + " not in the bundle");
    }

    private static Object json(Object value) {
        JsonNode node = new ObjectMapper().valueToTree(value);
        return node;
    }

    @Test
    @Requirement("HARD-8")
    void everyRecommendedFlagIsSetToItsValueOrDeclinedWithAReason() {
        Set<String> undecided = new HashSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = recommended.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> flag = it.next();
            String name = flag.getKey();
            if (FeatureFlags.DECLINED.containsKey(name)) {
                assertThat(FeatureFlags.SET).as(name + " is both set and declined").doesNotContainKey(name);
                assertThat(FeatureFlags.DECLINED.get(name)).as(name).hasSizeGreaterThan(40);
            } else if (FeatureFlags.SET.containsKey(name)) {
                assertThat(json(FeatureFlags.SET.get(name))).as(name).isEqualTo(flag.getValue());
            } else {
                undecided.add(name + "=" + flag.getValue());
            }
        }
        assertThat(undecided).as("recommended by this aws-cdk-lib, neither set nor declined in FeatureFlags").isEmpty();
    }

    @Test
    @Requirement("HARD-8")
    void noFlagIsDecidedThatTheLibraryDoesNotRecommend() {
        Set<String> known = new HashSet<>();
        recommended.fieldNames().forEachRemaining(known::add);
        assertThat(known).containsAll(FeatureFlags.SET.keySet()).containsAll(FeatureFlags.DECLINED.keySet());
    }

    @Test
    @Requirement("HARD-8")
    void theAppsContextCarriesEverySetFlag() {
        App app = TestApps.app("prod").app();
        for (Map.Entry<String, Object> flag : FeatureFlags.SET.entrySet()) {
            assertThat(json(app.getNode().tryGetContext(flag.getKey()))).as(flag.getKey()).isEqualTo(json(flag.getValue()));
        }
    }
}
