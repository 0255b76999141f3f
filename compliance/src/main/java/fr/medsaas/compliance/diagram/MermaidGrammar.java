package fr.medsaas.compliance.diagram;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A strict grammar of the Mermaid flowchart subset the renderer writes: a header, subgraphs with
 * quoted titles closed by {@code end}, nodes with one quoted label in a known shape, labelled
 * edges between declared ids, classDef and class lines. Anything else is an error.
 */
public final class MermaidGrammar {
    private static final String ID = "[A-Za-z][A-Za-z0-9_]*";
    private static final String LABEL = "\"[^\"\\[\\]|]*\"";
    private static final Pattern SUBGRAPH = Pattern.compile("subgraph (" + ID + ")\\[" + LABEL + "\\]");
    private static final Pattern NODE = Pattern.compile("(" + ID + ")(\\[" + LABEL + "\\]|\\[\\(" + LABEL + "\\)\\]|\\(\\(" + LABEL + "\\)\\))");
    private static final Pattern EDGE = Pattern.compile("(" + ID + ") (-->|==>|-\\.->)\\|" + LABEL + "\\| (" + ID + ")");
    private static final Pattern CLASSDEF = Pattern.compile("classDef " + ID + " [a-z-]+:[^\\s;]+( [^\\s;]+)?(,[a-z-]+:[^,;]+)*");
    private static final Pattern CLASS = Pattern.compile("class (" + ID + ") " + ID);

    private MermaidGrammar() {
    }

    /** Every error of {@code text}; empty when it parses. */
    public static List<String> errors(String text) {
        List<String> errors = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        if (lines.length == 0 || !lines[0].equals("flowchart LR")) {
            errors.add("line 1: expected 'flowchart LR'");
        }
        Set<String> ids = new HashSet<>();
        Deque<String> open = new ArrayDeque<>();
        List<String[]> edges = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            Matcher m;
            if ((m = SUBGRAPH.matcher(line)).matches()) {
                if (!ids.add(m.group(1))) {
                    errors.add("line " + (i + 1) + ": id declared twice: " + m.group(1));
                }
                open.push(m.group(1));
            } else if (line.equals("end")) {
                if (open.isEmpty()) {
                    errors.add("line " + (i + 1) + ": 'end' without subgraph");
                } else {
                    open.pop();
                }
            } else if ((m = NODE.matcher(line)).matches()) {
                if (!ids.add(m.group(1))) {
                    errors.add("line " + (i + 1) + ": id declared twice: " + m.group(1));
                }
            } else if ((m = EDGE.matcher(line)).matches()) {
                edges.add(new String[] {m.group(1), m.group(3), String.valueOf(i + 1)});
            } else if ((m = CLASS.matcher(line)).matches()) {
                edges.add(new String[] {m.group(1), m.group(1), String.valueOf(i + 1)});
            } else if (!CLASSDEF.matcher(line).matches()) {
                errors.add("line " + (i + 1) + ": not in the grammar: " + line);
            }
        }
        if (!open.isEmpty()) {
            errors.add("subgraphs left open: " + open);
        }
        for (String[] e : edges) {
            for (String id : List.of(e[0], e[1])) {
                if (!ids.contains(id)) {
                    errors.add("line " + e[2] + ": unknown id " + id);
                }
            }
        }
        return errors;
    }
}
