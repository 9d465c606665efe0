package uk.pathways.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The benchmarks' harness ({@code bench/cluster/lib.sh}) starts a node as the benchmarks need it: with the production
 * job executor settings, with a flight recording only when {@code NODE_JFR} is given, and never with a job executor
 * override that makes an idle node poll in a loop (issue 20). The scripts run with {@code set -u}, so a variable read
 * without a default stops every benchmark that starts a node; this runs {@code start_node} with a stand-in for
 * {@code java} that records its arguments, so no node is started.
 */
class BenchHarnessTest {

    @TempDir
    Path work;

    @Test
    void aNodeStartsWithoutARecordingWhenNoneIsAskedFor() throws Exception {
        Result started = startNode("", "");

        assertThat(started.exit()).as(started.output()).isZero();
        assertThat(started.javaArgs()).contains("-jar", "--spring.profiles.active=postgres,cluster,demo");
        assertThat(started.javaArgs()).doesNotContain("StartFlightRecording");
        assertThat(Files.readString(work.resolve("job-settings.txt")))
                .contains("wait-time-in-millis 5000, max-wait 60000");
    }

    @Test
    void aNodeRecordsItselfIntoTheFolderNodeJfrNames() throws Exception {
        Path recordings = work.resolve("recordings");

        Result started = startNode("NODE_JFR=" + recordings, "");

        assertThat(started.exit()).as(started.output()).isZero();
        assertThat(started.javaArgs())
                .contains("-XX:StartFlightRecording=filename=" + recordings.resolve("node-1.jfr"))
                .contains("stackdepth=2048");
        assertThat(recordings).isDirectory();
    }

    @Test
    void aMaxWaitBelowTheWaitTimeIsRefusedAndNoNodeStarts() throws Exception {
        Result refused = startNode("", "--camunda.bpm.job-execution.max-wait=2000");

        assertThat(refused.exit()).isNotZero();
        assertThat(refused.output()).contains("refused: job-execution max-wait 2000 is below wait-time-in-millis 5000");
        assertThat(refused.javaArgs()).isEmpty();
    }

    /**
     * B5's phases (lib.sh {@code phases LOG}) read where a start went from the log lines both apps write: they add up
     * to the JVM's time to "Started", and Flyway counts only where it ran (the bare app's first connection is made
     * inside the engine's start).
     */
    @Test
    void aStartIsSplitIntoPhasesThatAddUpToItsTime() throws Exception {
        String pathways = String.join(
                "\n",
                line("00:00:00.900", "uk.pathways.PathwaysApplication", "Starting PathwaysApplication v0.1.0"),
                line("00:00:02.500", "o.s.b.w.embedded.tomcat.TomcatWebServer", "Tomcat initialized with port 8080"),
                line("00:00:02.600", "com.zaxxer.hikari.HikariDataSource", "HikariPool-1 - Starting..."),
                line("00:00:02.700", "o.f.core.internal.command.DbValidate", "Successfully validated 24 migrations"),
                line("00:00:03.000", "o.f.core.internal.command.DbMigrate", "Schema \"public\" is up to date."),
                line("00:00:03.100", "org.camunda.bpm.spring.boot", "STARTER-SB040 Setting up jobExecutor"),
                line("00:00:05.100", "org.camunda.bpm.engine", "ENGINE-00001 Process Engine default created."),
                line(
                        "00:00:08.000",
                        "uk.pathways.PathwaysApplication",
                        "Started PathwaysApplication in 7.5 seconds (process running for 8.0)"));
        String bare = String.join(
                "\n",
                line("00:00:02.000", "o.s.b.w.embedded.tomcat.TomcatWebServer", "Tomcat initialized with port 8080"),
                line("00:00:02.300", "org.camunda.bpm.spring.boot", "STARTER-SB040 Setting up jobExecutor"),
                line("00:00:02.400", "com.zaxxer.hikari.HikariDataSource", "HikariPool-1 - Starting..."),
                line("00:00:04.800", "org.camunda.bpm.engine", "ENGINE-00001 Process Engine default created."),
                line(
                        "00:00:06.000",
                        "bench.bare.BareApplication",
                        "Started BareApplication in 5.6 seconds (process running for 6.0)"));

        // launch, context, flyway, engine, other (milliseconds)
        assertThat(phases(pathways)).isEqualTo("500 2000 400 2000 3100");
        assertThat(phases(bare)).isEqualTo("400 1600 0 2500 1500");
    }

    /** A start across midnight UTC, with seconds that are not exact in binary, still adds up to its uptime. */
    @Test
    void aStartAcrossMidnightStillAddsUp() throws Exception {
        String log = String.join(
                "\n",
                line("23:59:58.000", "o.s.b.w.embedded.tomcat.TomcatWebServer", "Tomcat initialized with port 8080"),
                line("23:59:58.900", "org.camunda.bpm.spring.boot", "STARTER-SB040 Setting up jobExecutor"),
                line("00:00:00.872", "org.camunda.bpm.engine", "ENGINE-00001 Process Engine default created."),
                line(
                        "00:00:01.656",
                        "bench.bare.BareApplication",
                        "Started BareApplication in 7.65 seconds (process running for 8.135)"));

        String phases = phases(log);

        assertThat(phases).isEqualTo("485 3994 0 1972 1684");
        assertThat(java.util.Arrays.stream(phases.split(" "))
                        .mapToInt(Integer::parseInt)
                        .sum())
                .isEqualTo(8135);
    }

    @Test
    void aLogWithoutItsStartedLineIsRefused() throws Exception {
        String log = line("00:00:02.000", "o.s.b.w.embedded.tomcat.TomcatWebServer", "Tomcat initialized with port 80");

        assertThat(phases(log)).contains("phases: no Started, Tomcat or engine line");
    }

    private static String line(String time, String logger, String message) {
        return "2026-12-07T" + time + "Z  INFO 1 --- [pathways] [           main] " + logger + " : " + message;
    }

    private String phases(String log) throws IOException, InterruptedException {
        Path file = Files.writeString(work.resolve("start.log"), log + "\n");
        Process bash = new ProcessBuilder(
                        "bash",
                        "-c",
                        "WORK='" + work + "' JAR=/nowhere/pathways.jar; source bench/cluster/lib.sh; phases '" + file
                                + "'")
                .redirectErrorStream(true)
                .start();
        assertThat(bash.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    }

    record Result(int exit, String output, String javaArgs) {}

    /** Sources lib.sh as the benchmarks do, then {@code start_node 1 PORT ARG}, with {@code java} a recorder. */
    private Result startNode(String environment, String arg) throws IOException, InterruptedException {
        Path bin = Files.createDirectories(work.resolve("bin"));
        Path args = work.resolve("java-args.txt");
        Path java = bin.resolve("java");
        Files.writeString(java, "#!/bin/sh\necho \"$@\" > '" + args + "'\n");
        java.toFile().setExecutable(true);
        String script = String.join(
                "\n",
                "export PATH='" + bin + "':$PATH WORK='" + work + "' JAR=/nowhere/pathways.jar " + environment,
                "source bench/cluster/lib.sh",
                "start_node 1 " + freePort() + " " + arg + " || exit 3",
                "wait $(cat \"$WORK/node-1.pid\")");
        Process bash = new ProcessBuilder("bash", "-c", script)
                .redirectErrorStream(true)
                .start();
        assertThat(bash.waitFor(30, TimeUnit.SECONDS)).isTrue();
        String output = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8)
                + (Files.exists(work.resolve("node-1.log")) ? Files.readString(work.resolve("node-1.log")) : "");
        return new Result(bash.exitValue(), output, Files.exists(args) ? Files.readString(args) : "");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
