package org.openrom.agent;

import java.io.InputStream;
import java.io.PrintStream;
import java.util.List;
import org.openrom.agent.cli.AgentCommand;

/**
 * The agent's entry point: {@code openrom agent <command>} (the launcher calls {@link #run} in a class loader over
 * {@code lib/agent/}) or {@code java -jar org.openrom.agent.jar <command>}.
 */
public final class AgentMain {
    private AgentMain() {}

    public static void main(String[] args) {
        System.exit(run(List.of(args), System.in, System.out, System.err));
    }

    /** Runs one command; takes and returns JDK types only (the launcher calls it across class loaders). */
    public static int run(List<String> args, InputStream in, PrintStream out, PrintStream err) {
        return AgentCommand.standard(out, err).run(args);
    }
}
