package fr.medsaas.sandbox;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A moto server (the AWS emulator) on 127.0.0.1 and a free port, never on another address: it
 * answers anyone who reaches it, with no credentials. Started from {@code moto_server} on the
 * PATH (or the file named by the system property {@value #COMMAND_PROPERTY}); stopped with its
 * process tree by {@link #stop()}, or at the latest when the JVM exits unless
 * {@link #leaveRunning()} was called.
 */
public final class MotoServer implements AutoCloseable {
    /** The only address the emulator listens on. */
    public static final String HOST = "127.0.0.1";
    /** The emulator's command. */
    public static final String COMMAND = "moto_server";
    /** System property naming the moto_server file to run instead of the one on the PATH. */
    public static final String COMMAND_PROPERTY = "medsaas.motoServer";
    /** How to get the emulator. */
    public static final String INSTALL_HINT = "pip install \"moto[server]\"";

    private static final Duration STARTUP = Duration.ofSeconds(60);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Process process;
    private final int port;
    private final Path log;
    private final Thread shutdownHook;

    private MotoServer(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
        this.shutdownHook = new Thread(this::destroy, "moto-server-stop");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** Thrown when moto_server cannot be found; its message says how to install it. */
    public static final class UnavailableException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UnavailableException(String message) {
            super(message);
        }
    }

    /** The moto_server to run: the file of {@value #COMMAND_PROPERTY} if set, else the first on the PATH. */
    public static Optional<Path> locate() {
        String configured = System.getProperty(COMMAND_PROPERTY);
        if (configured != null && !configured.isBlank()) {
            Path p = Path.of(configured);
            return Files.isExecutable(p) ? Optional.of(p) : Optional.empty();
        }
        return locateOnPath(System.getenv("PATH"));
    }

    /** The first executable {@value #COMMAND} in the folders of a PATH value. */
    static Optional<Path> locateOnPath(String path) {
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isBlank()) {
                continue;
            }
            Path candidate = Path.of(dir, COMMAND);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** Whether moto_server can be started here. */
    public static boolean isAvailable() {
        return locate().isPresent();
    }

    /** The message for a machine without moto_server. */
    public static String unavailableMessage() {
        return COMMAND + " (the AWS emulator moto) was not found on the PATH; install it with: " + INSTALL_HINT;
    }

    /** The command line that starts the emulator on {@code port} of 127.0.0.1. */
    static List<String> command(Path executable, int port) {
        return List.of(executable.toString(), "-H", HOST, "-p", Integer.toString(port));
    }

    /**
     * Starts the emulator on a free port of 127.0.0.1 and waits until it answers.
     *
     * @throws UnavailableException when moto_server is not installed
     */
    public static MotoServer start() {
        Path executable = locate().orElseThrow(() -> new UnavailableException(unavailableMessage()));
        IOException last = null;
        // The free port is found by binding port 0 and closing it: another process may take it in
        // between, so a server that dies at once is retried on a new port.
        for (int attempt = 0; attempt < 3; attempt++) {
            int port = freePort();
            Path log;
            Process process;
            try {
                log = Files.createTempFile("medsaas-moto-" + port + "-", ".log");
                ProcessBuilder pb = new ProcessBuilder(command(executable, port))
                        .redirectErrorStream(true)
                        // A file, not a pipe: the server may outlive this JVM (deploy --local).
                        .redirectOutput(log.toFile());
                process = pb.start();
            } catch (IOException e) {
                last = e;
                continue;
            }
            MotoServer server = new MotoServer(process, port, log);
            if (server.awaitReady()) {
                return server;
            }
            String output = server.output();
            server.stop();
            last = new IOException(COMMAND + " on port " + port + " did not answer; its output:\n" + output);
        }
        throw new UncheckedIOException("cannot start " + COMMAND, last);
    }

    /** A port of 127.0.0.1 that nothing listens on now. */
    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on " + HOST, e);
        }
    }

    /** The address of a moto server on {@code port}: {@code http://127.0.0.1:PORT}. */
    static URI endpoint(int port) {
        return URI.create("http://" + HOST + ":" + port);
    }

    private boolean awaitReady() {
        long deadline = System.nanoTime() + STARTUP.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                return false;
            }
            try {
                HttpResponse<Void> r = HTTP.send(HttpRequest.newBuilder(endpoint().resolve("/moto-api/"))
                        .timeout(Duration.ofSeconds(2)).GET().build(), HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    return true;
                }
            } catch (IOException e) {
                // Not listening yet.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }

    /** The emulator's address: {@code http://127.0.0.1:PORT}. */
    public URI endpoint() {
        return endpoint(port);
    }

    /** The port it listens on, on 127.0.0.1. */
    public int port() {
        return port;
    }

    /** The server's process id. */
    public long pid() {
        return process.pid();
    }

    /** The file that receives the server's output. */
    public Path logFile() {
        return log;
    }

    /** Whether the server process runs. */
    public boolean isRunning() {
        return process.isAlive();
    }

    /** Forgets every resource of every account and region (moto's {@code POST /moto-api/reset}). */
    public void reset() {
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(endpoint().resolve("/moto-api/reset"))
                    .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IllegalStateException("moto reset answered " + r.statusCode() + ": " + r.body());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot reset the emulator at " + endpoint(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while resetting the emulator", e);
        }
    }

    /**
     * Lets the server outlive this JVM (no stop at exit); the caller tells the user its
     * {@link #pid()} to stop it.
     */
    public void leaveRunning() {
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // The JVM is already shutting down: the hook runs and stops the server.
        }
    }

    /** Stops the server and its child processes, waits until they are gone, and deletes its log. */
    public void stop() {
        destroy();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // Called from the shutdown hook itself, or during shutdown.
        }
    }

    private void destroy() {
        List<ProcessHandle> tree = process.descendants().toList();
        tree.forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        try {
            Files.deleteIfExists(log);
        } catch (IOException e) {
            // A temporary file: the system cleans it up in the end.
        }
    }

    /**
     * Stops the emulator that an earlier {@code deploy --local} left running at {@code endpoint}:
     * the {@value #COMMAND} process of this user started with {@code -H 127.0.0.1 -p PORT}, and
     * its children. Empty when no such process runs (nothing is stopped then).
     */
    public static Optional<Long> stopRunning(URI endpoint) {
        if (!HOST.equals(endpoint.getHost()) || endpoint.getPort() < 0) {
            return Optional.empty();
        }
        String port = Integer.toString(endpoint.getPort());
        Optional<ProcessHandle> server = ProcessHandle.allProcesses().filter(p -> {
            List<String> args = p.info().arguments().map(List::of).orElse(List.of());
            String command = p.info().command().orElse("") + " " + String.join(" ", args);
            int i = args.indexOf("-p");
            return command.contains(COMMAND) && args.contains(HOST) && i >= 0 && i + 1 < args.size()
                    && port.equals(args.get(i + 1));
        }).findFirst();
        server.ifPresent(p -> {
            List<ProcessHandle> tree = p.descendants().toList();
            tree.forEach(ProcessHandle::destroy);
            p.destroy();
            try {
                p.onExit().get(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                p.destroyForcibly();
            }
            tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        });
        return server.map(ProcessHandle::pid);
    }

    /** The server's output so far (its log file), for error messages. */
    public String output() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(cannot read " + log + ": " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        stop();
    }
}
