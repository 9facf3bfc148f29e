package org.openrom.scoring.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openrom.api.scoring.Sex;

/** The content pack's {@code norms/<table>.json} files, checked against the rules that use each table. */
final class NormFiles {
    private static final List<Sex> SEXES = List.of(Sex.FEMALE, Sex.MALE);

    private final Catalogue catalogue;
    private final List<String> problems;

    NormFiles(Catalogue catalogue, List<String> problems) {
        this.catalogue = catalogue;
        this.problems = problems;
    }

    Map<String, NormTable> load(List<Path> files, ContentPackLoader.Reader reader) {
        Map<String, NormTable> tables = new HashMap<>();
        for (Path file : files) {
            String id = file.getFileName().toString().replaceFirst("\\.json$", "");
            List<NormSpec> specs = catalogue.all().stream()
                    .map(m -> m.rules().norms())
                    .filter(n -> n != null && n.table().equals(id))
                    .toList();
            if (specs.isEmpty()) {
                problems.add(file + ": no measure uses a norm table called " + id);
                continue;
            }
            JsonNode node = reader.read(file);
            if (node == null) {
                continue;
            }
            if (!id.equals(node.path("table").asText())) {
                problems.add(file + ": \"table\" must be " + id + ", found " + node.path("table"));
                continue;
            }
            tables.put(id, new NormTable(id, cells(file, specs.get(0), node.path("cells"))));
        }
        return tables;
    }

    private List<NormTable.Cell> cells(Path file, NormSpec spec, JsonNode cells) {
        List<NormTable.Cell> out = new ArrayList<>();
        for (int i = 0; i < cells.size(); i++) {
            try {
                NormTable.Cell c = cell(spec, cells.get(i));
                for (NormTable.Cell o : out) {
                    if (o.scale().equals(c.scale()) && o.sex() == c.sex()
                            && c.gradeMin() <= o.gradeMax() && o.gradeMin() <= c.gradeMax()) {
                        throw new IllegalArgumentException("overlaps an earlier cell for " + c.scale() + ", "
                                + c.sex().jsonName() + ", grades " + o.gradeMin() + "-" + o.gradeMax());
                    }
                }
                out.add(c);
            } catch (IllegalArgumentException e) {
                problems.add(file + ": cells[" + i + "]: " + e.getMessage() + "; cell not used");
            }
        }
        return List.copyOf(out);
    }

    private static NormTable.Cell cell(NormSpec spec, JsonNode n) {
        JsonFields f = new JsonFields("cell", n);
        String scale = f.text("scale");
        if (!spec.scales().contains(scale)) {
            throw new IllegalArgumentException("scale " + scale + " has no T-score in the rules " + spec.scales());
        }
        Sex sex = Sex.parse(f.text("sex"));
        if (!SEXES.contains(sex)) {
            throw new IllegalArgumentException("sex must be female or male: " + sex.jsonName());
        }
        int gMin = f.integer("gradeMin");
        int gMax = f.integer("gradeMax");
        if (gMin > gMax || gMin < spec.gradeMin() || gMax > spec.gradeMax()) {
            throw new IllegalArgumentException("grades " + gMin + "-" + gMax + " outside " + spec.gradeMin() + "-"
                    + spec.gradeMax());
        }
        BigDecimal mean = f.optNumber("mean");
        BigDecimal sd = f.optNumber("sd");
        Map<Integer, BigDecimal> t = new HashMap<>();
        JsonFields ts = f.optObject("tScores");
        if (ts != null) {
            ts.node().fields().forEachRemaining(e -> {
                if (!e.getKey().matches("\\d{1,3}") || !e.getValue().isNumber()) {
                    throw new IllegalArgumentException("tScores entry " + e.getKey() + ": " + e.getValue()
                            + " is not raw (integer) -> T (number)");
                }
                t.put(Integer.parseInt(e.getKey()), e.getValue().decimalValue());
            });
        }
        boolean linear = mean != null && sd != null;
        if (linear == (ts != null)) {
            throw new IllegalArgumentException("give either mean and sd, or tScores");
        }
        if (linear && sd.signum() <= 0) {
            throw new IllegalArgumentException("sd must be positive: " + sd);
        }
        return new NormTable.Cell(scale, sex, gMin, gMax, mean, sd, Map.copyOf(t));
    }

    /** A sentence for every (scale, sex, grade) the rules need and the table lacks. */
    static List<String> uncovered(NormSpec spec, NormTable table) {
        Set<String> out = new LinkedHashSet<>();
        for (String scale : spec.scales()) {
            for (Sex sex : SEXES) {
                for (int g = spec.gradeMin(); g <= spec.gradeMax(); g++) {
                    if (table.cell(scale, sex, g).isEmpty()) {
                        out.add("norms/" + spec.table() + ".json: no cell for " + scale + ", " + sex.jsonName()
                                + ", grade " + g);
                    }
                }
            }
        }
        return List.copyOf(out);
    }
}
