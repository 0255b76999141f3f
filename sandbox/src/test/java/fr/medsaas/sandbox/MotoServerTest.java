package fr.medsaas.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import fr.medsaas.config.Requirement;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SBX-1: the emulator listens on 127.0.0.1 only, on a free port, and is found on the PATH. */
class MotoServerTest {
    @Test
    @Requirement("SBX-1")
    void serverIsStartedOn127001Only() {
        List<String> command = MotoServer.command(Path.of("/opt/bin/moto_server"), 50123);
        assertThat(command).containsExactly("/opt/bin/moto_server", "-H", "127.0.0.1", "-p", "50123");
        assertThat(command).doesNotContain("0.0.0.0", "localhost", "::");
    }

    @Test
    @Requirement("SBX-1")
    void addressIsLoopbackWithThePort() throws IOException {
        assertThat(MotoServer.endpoint(50123).toString()).isEqualTo("http://127.0.0.1:50123");
        assertThat(InetAddress.getByName(MotoServer.endpoint(50123).getHost()).isLoopbackAddress()).isTrue();
    }

    @Test
    @Requirement("SBX-1")
    void freePortIsFreeOn127001() throws IOException {
        int port = MotoServer.freePort();
        assertThat(port).isBetween(1024, 65535);
        try (ServerSocket again = new ServerSocket(port, 1, InetAddress.getByName("127.0.0.1"))) {
            assertThat(again.getLocalPort()).isEqualTo(port);
        }
    }

    @Test
    @Requirement("SBX-1")
    void motoServerIsFoundInThePathFolders(@TempDir Path tmp) throws IOException {
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        Path bin = Files.createDirectories(tmp.resolve("bin"));
        Path exe = Files.createFile(bin.resolve("moto_server"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        assertThat(MotoServer.locateOnPath(empty + java.io.File.pathSeparator + bin)).contains(exe);
        assertThat(MotoServer.locateOnPath(empty.toString())).isEmpty();
        assertThat(MotoServer.locateOnPath(null)).isEmpty();
    }

    @Test
    void refusesANonExecutableMotoServer(@TempDir Path tmp) throws IOException {
        Path bin = Files.createDirectories(tmp.resolve("bin"));
        Files.createFile(bin.resolve("moto_server"));
        assertThat(MotoServer.locateOnPath(bin.toString())).isEmpty();
    }

    @Test
    void theMissingEmulatorMessageSaysHowToInstallIt() {
        assertThat(MotoServer.unavailableMessage()).contains("moto_server").contains("pip install \"moto[server]\"");
    }
}
