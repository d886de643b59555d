package quire.priority;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A labelled dataset for simulation, read from CSV as ASReview and SYNERGY write it: columns {@code title},
 * {@code abstract} and {@code label_included} (1 included, 0 excluded; other columns are ignored). A record whose
 * label is missing or not 0/1 is skipped with a problem naming the file and line; the others are kept.
 *
 * @param name     the file name without extension, e.g. {@code Donners_2021}
 * @param texts    title and abstract of each record
 * @param included whether each record was included
 * @param problems what was skipped, as {@code file:line: what}
 */
record LabelledDataset(String name, List<String> texts, boolean[] included, List<String> problems) {

    LabelledDataset {
        texts = List.copyOf(texts);
        included = included.clone();
        problems = List.copyOf(problems);
        if (texts.size() != included.length) {
            throw new IllegalArgumentException(texts.size() + " texts but " + included.length + " labels");
        }
    }

    int size() {
        return texts.size();
    }

    int includes() {
        int n = 0;
        for (boolean b : included) {
            if (b) {
                n++;
            }
        }
        return n;
    }

    /** Reads a CSV file (UTF-8). Throws when the header lacks a needed column or the labels lack a class. */
    static LabelledDataset read(Path file) throws IOException {
        String fileName = file.getFileName().toString();
        String name = fileName.replaceFirst("\\.[^.]*$", "");
        List<CsvTable.Row> rows;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            rows = CsvTable.read(in);
        } catch (CsvTable.FormatException e) {
            throw new IOException(file + ":" + e.line + ": " + e.getMessage(), e);
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new IOException(file + ": not UTF-8 text", e);
        }
        if (rows.isEmpty()) {
            throw new IOException(file + ": empty file (expected a header with title, abstract, label_included)");
        }
        List<String> header = rows.get(0).fields().stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).toList();
        int title = header.indexOf("title");
        int abstractColumn = header.indexOf("abstract");
        int label = header.indexOf("label_included");
        if (label < 0) {
            label = header.indexOf("included");
        }
        if (title < 0 && abstractColumn < 0) {
            throw new IOException(file + ":1: no title or abstract column (header: " + String.join(",", header) + ")");
        }
        if (label < 0) {
            throw new IOException(file + ":1: no label_included column (header: " + String.join(",", header) + ")");
        }
        List<String> texts = new ArrayList<>();
        List<Boolean> labels = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (CsvTable.Row row : rows.subList(1, rows.size())) {
            List<String> f = row.fields();
            if (f.size() != header.size()) {
                problems.add(fileName + ":" + row.line() + ": " + f.size() + " fields, the header has "
                        + header.size() + "; record skipped");
                continue;
            }
            String value = f.get(label).strip();
            boolean include;
            if (value.equals("1") || value.equals("1.0")) {
                include = true;
            } else if (value.equals("0") || value.equals("0.0")) {
                include = false;
            } else {
                problems.add(fileName + ":" + row.line() + ": label_included is '" + value
                        + "', not 0 or 1; record skipped");
                continue;
            }
            String t = title >= 0 ? f.get(title) : "";
            String a = abstractColumn >= 0 ? f.get(abstractColumn) : "";
            texts.add(t + " " + a);
            labels.add(include);
        }
        boolean[] included = new boolean[labels.size()];
        for (int i = 0; i < included.length; i++) {
            included[i] = labels.get(i);
        }
        LabelledDataset dataset = new LabelledDataset(name, texts, included, problems);
        int ones = dataset.includes();
        if (ones == 0 || ones == dataset.size()) {
            throw new IOException(file + ": a simulation needs included and excluded records (" + ones + " of "
                    + dataset.size() + " included)");
        }
        return dataset;
    }
}
