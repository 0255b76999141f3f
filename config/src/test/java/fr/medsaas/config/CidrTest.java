package fr.medsaas.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The CIDR arithmetic behind NET-1/NET-2 validation. */
class CidrTest {
    @Test
    void parsesAndContains() {
        Cidr vpc = Cidr.parse("10.0.0.0/16").orElseThrow();
        assertThat(vpc.contains(Cidr.parse("10.0.20.0/24").orElseThrow())).isTrue();
        assertThat(vpc.contains(Cidr.parse("10.1.0.0/24").orElseThrow())).isFalse();
        assertThat(vpc.last()).isEqualTo(Cidr.parse("10.0.255.255/32").orElseThrow().network());
        assertThat(vpc).hasToString("10.0.0.0/16");
    }

    @Test
    void overlaps() {
        Cidr a = Cidr.parse("10.0.0.0/23").orElseThrow();
        assertThat(a.overlaps(Cidr.parse("10.0.1.0/24").orElseThrow())).isTrue();
        assertThat(a.overlaps(Cidr.parse("10.0.2.0/24").orElseThrow())).isFalse();
    }

    @Test
    void refusesIllFormedOrUnaligned() {
        assertThat(Cidr.parse("10.0.0.0")).isEmpty();
        assertThat(Cidr.parse("10.0.0.256/24")).isEmpty();
        assertThat(Cidr.parse("10.0.0.0/33")).isEmpty();
        assertThat(Cidr.parse("10.0.0.1/24")).isEmpty();
        assertThat(Cidr.parse(null)).isEmpty();
    }
}
