package fr.medsaas.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import fr.medsaas.config.Requirement;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.util.Collections;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** SBX-1: a moto server of its own: it answers on 127.0.0.1 only, resets, and is gone once stopped. */
@Tag("integration")
@ExtendWith(Emulator.class)
class MotoServerLifecycleTest {
    @Test
    @Requirement("SBX-1")
    void startsOnLoopbackAnswersAndIsGoneWhenStopped() throws Exception {
        MotoServer moto = MotoServer.start();
        long pid = moto.pid();
        try {
            assertThat(moto.endpoint().getHost()).isEqualTo("127.0.0.1");
            assertThat(moto.isRunning()).isTrue();
            moto.reset();
            // Not reachable through another address of this machine, when it has one.
            for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                for (InetAddress address : Collections.list(nic.getInetAddresses())) {
                    if (!address.isLoopbackAddress() && !address.isLinkLocalAddress()) {
                        try (Socket s = new Socket()) {
                            s.connect(new InetSocketAddress(address, moto.port()), 500);
                            throw new AssertionError("moto answers on " + address);
                        } catch (java.io.IOException expected) {
                            // Refused: it listens on 127.0.0.1 only.
                        }
                    }
                }
            }
        } finally {
            moto.stop();
        }
        assertThat(moto.isRunning()).isFalse();
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
        assertThat(moto.logFile()).doesNotExist();
    }
}
