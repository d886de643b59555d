package quire.priority;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import quire.api.cli.Command;
import quire.api.cli.CommandIO;
import quire.api.cli.UsageException;
import quire.api.screening.FeatureMatrix;
import quire.api.screening.RelevanceModel;

/**
 * {@code review-simulate DATASET.csv...}: replays labelled datasets with each chosen model and prints ASReview
 * Insights' WSS@95, RRF@10, ATD and normalised loss, averaged over seeds, per dataset and averaged over the
 * datasets; {@code -o curve.png} draws the recall curves. The models are the installed {@link RelevanceModel}
 * services, so a plugin's model can be simulated beside ours.
 */
@Component(service = Command.class, property = Command.NAME + "=" + SimulateCommand.NAME)
public final class SimulateCommand implements Command {

    static final String NAME = "review-simulate";

    private final Map<String, RelevanceModel> models = new ConcurrentHashMap<>();

    public SimulateCommand() {
    }

    /** For tests: a command with these models. */
    SimulateCommand(List<RelevanceModel> models) {
        models.forEach(this::addModel);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addModel(RelevanceModel model) {
        models.putIfAbsent(model.id(), model);
    }

    void removeModel(RelevanceModel model) {
        models.remove(model.id(), model);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String summary() {
        return "replay labelled datasets with a screening model and print WSS@95, RRF@10, ATD and loss";
    }

    @Override
    public String usage() {
        return NAME + " DATASET.csv... [--model svm|nb[,...]] [--seeds N] [--random-share P] [--retrain-every K]"
                + " [--format text|json] [-o curve.png]";
    }

    /** What the command line asked for. */
    record Options(List<Path> datasets, List<String> models, int seeds, double randomShare,
            Optional<Integer> retrainEvery, boolean json, Optional<Path> picture) {
    }

    Options parse(List<String> args) throws UsageException {
        List<Path> datasets = new ArrayList<>();
        List<String> chosen = List.of(LinearSvmModel.ID);
        int seeds = 5;
        double randomShare = 0;
        Optional<Integer> retrainEvery = Optional.empty();
        boolean json = false;
        Optional<Path> picture = Optional.empty();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            switch (arg) {
                case "--model" -> chosen = List.of(value(args, ++i, arg).split(","));
                case "--seeds" -> seeds = intValue(args, ++i, arg, 1);
                case "--retrain-every" -> retrainEvery = Optional.of(intValue(args, ++i, arg, 1));
                case "--random-share" -> {
                    String v = value(args, ++i, arg);
                    try {
                        randomShare = Double.parseDouble(v);
                    } catch (NumberFormatException e) {
                        throw new UsageException("--random-share takes a number from 0 to 1, not '" + v + "'");
                    }
                    if (!(randomShare >= 0 && randomShare <= 1)) {
                        throw new UsageException("--random-share takes a number from 0 to 1, not '" + v + "'");
                    }
                }
                case "--format" -> {
                    String v = value(args, ++i, arg);
                    if (!v.equals("text") && !v.equals("json")) {
                        throw new UsageException("--format is text or json, not '" + v + "'");
                    }
                    json = v.equals("json");
                }
                case "-o", "--output" -> picture = Optional.of(Path.of(value(args, ++i, arg)));
                default -> {
                    if (arg.startsWith("-") && arg.length() > 1) {
                        throw new UsageException("unknown option " + arg);
                    }
                    datasets.add(Path.of(arg));
                }
            }
        }
        if (datasets.isEmpty()) {
            throw new UsageException("name a labelled dataset (CSV with title, abstract, label_included)");
        }
        for (String id : chosen) {
            if (!models.containsKey(id)) {
                throw new UsageException("no model '" + id + "' (installed: "
                        + String.join(", ", new TreeMap<>(models).keySet()) + ")");
            }
        }
        return new Options(List.copyOf(datasets), List.copyOf(chosen), seeds, randomShare, retrainEvery, json,
                picture);
    }

    private static String value(List<String> args, int i, String option) throws UsageException {
        if (i >= args.size()) {
            throw new UsageException(option + " needs a value");
        }
        return args.get(i);
    }

    private static int intValue(List<String> args, int i, String option, int min) throws UsageException {
        String v = value(args, i, option);
        try {
            int n = Integer.parseInt(v);
            if (n >= min) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException(option + " takes a whole number of at least " + min + ", not '" + v + "'");
    }

    /** The result of one model on one dataset. */
    record ModelResult(RelevanceModel model, List<Simulation.Run> runs, ScreeningMetrics mean) {
    }

    /** The results on one dataset. */
    record DatasetResult(LabelledDataset dataset, Path file, int retrainEvery, List<ModelResult> models,
            Optional<Path> picture) {
    }

    @Override
    public int run(List<String> args, CommandIO io) throws Exception {
        Options options = parse(args);
        for (Path file : options.datasets()) {
            if (!Files.isRegularFile(file)) {
                throw new NoSuchFileException(file.toString());
            }
        }
        if (options.picture().isPresent()) {
            // fail before a long simulation, not after it
            Path folder = options.picture().get().toAbsolutePath().getParent();
            if (!Files.isDirectory(folder)) {
                throw new UsageException("no folder " + folder + " to write the recall curve into");
            }
        }
        SimulationProgress progress = new SimulationProgress(io.err(), io.interactive());
        List<DatasetResult> results = new ArrayList<>();
        try {
            for (Path file : options.datasets()) {
                results.add(simulate(file, options, progress, io.err()));
            }
        } finally {
            progress.finish();
        }
        if (options.json()) {
            printJson(results, options, io.out());
        } else {
            printText(results, options, io.out());
        }
        return OK;
    }

    DatasetResult simulate(Path file, Options options, SimulationProgress progress, PrintStream err)
            throws Exception {
        LabelledDataset dataset = LabelledDataset.read(file);
        dataset.problems().forEach(p -> err.println("warning: " + p));
        TfidfVocabulary vocabulary = TfidfVocabulary.asreviewDefaults();
        for (String text : dataset.texts()) {
            vocabulary.add(text);
        }
        FeatureMatrix features = vocabulary.matrix();
        int retrainEvery = options.retrainEvery().orElse(Simulation.defaultRetrainEvery(dataset.size()));
        List<ModelResult> modelResults = new ArrayList<>();
        for (String id : options.models()) {
            RelevanceModel model = models.get(id);
            if (model == null) {
                throw new IllegalStateException("the model '" + id + "' went away during the simulation");
            }
            Simulation simulation = new Simulation(features, dataset.included(), model,
                    new MaxQuery(options.randomShare()), retrainEvery);
            List<Simulation.Run> runs = new ArrayList<>();
            for (int seed = 0; seed < options.seeds(); seed++) {
                progress.begin(String.format(Locale.ROOT, "Simulating %s with %s, seed %d of %d", dataset.name(),
                        id, seed + 1, options.seeds()), dataset.size() - 2);
                runs.add(simulation.run(seed, progress));
            }
            modelResults.add(new ModelResult(model, List.copyOf(runs), mean(runs)));
        }
        Optional<Path> picture = options.picture().map(p -> pictureFile(p, dataset.name(), options.datasets().size()));
        if (picture.isPresent()) {
            List<RecallCurvePicture.Series> series = modelResults.stream()
                    .map(r -> new RecallCurvePicture.Series(r.model().id(), r.model().label(), r.runs(),
                            r.mean().wss95()))
                    .toList();
            String title = String.format(Locale.ROOT, "%s: %,d records, %d includes", dataset.name(),
                    dataset.size(), dataset.includes());
            RecallCurvePicture.write(RecallCurvePicture.draw(title, series), picture.get());
        }
        return new DatasetResult(dataset, file, retrainEvery, List.copyOf(modelResults), picture);
    }

    /** {@code -o curve.png} for one dataset; {@code curve-NAME.png} beside it for each of several. */
    static Path pictureFile(Path requested, String dataset, int datasets) {
        if (datasets == 1) {
            return requested;
        }
        String name = requested.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        String extension = dot > 0 ? name.substring(dot) : ".png";
        return requested.resolveSibling(stem + "-" + dataset + extension);
    }

    static ScreeningMetrics mean(List<Simulation.Run> runs) {
        double wss = 0;
        double rrf = 0;
        double atd = 0;
        double loss = 0;
        for (Simulation.Run run : runs) {
            wss += run.metrics().wss95();
            rrf += run.metrics().rrf10();
            atd += run.metrics().atd();
            loss += run.metrics().loss();
        }
        int n = runs.size();
        return new ScreeningMetrics(wss / n, rrf / n, atd / n, loss / n);
    }

    /** Each model's metrics averaged over the datasets (each dataset's own mean over seeds counts once). */
    static Map<String, ScreeningMetrics> meanOverDatasets(List<DatasetResult> results) {
        Map<String, double[]> sums = new LinkedHashMap<>();
        for (DatasetResult result : results) {
            for (ModelResult m : result.models()) {
                double[] s = sums.computeIfAbsent(m.model().id(), k -> new double[5]);
                s[0] += m.mean().wss95();
                s[1] += m.mean().rrf10();
                s[2] += m.mean().atd();
                s[3] += m.mean().loss();
                s[4]++;
            }
        }
        Map<String, ScreeningMetrics> means = new LinkedHashMap<>();
        sums.forEach((id, s) -> means.put(id, new ScreeningMetrics(s[0] / s[4], s[1] / s[4], s[2] / s[4],
                s[3] / s[4])));
        return means;
    }

    private static void printText(List<DatasetResult> results, Options options, PrintStream out) {
        out.printf(Locale.ROOT, "%-24s %-6s %8s %8s %8s %8s %8s %7s %9s%n", "dataset", "model", "records",
                "includes", "WSS@95", "RRF@10", "ATD", "loss", "retrain");
        for (DatasetResult r : results) {
            for (ModelResult m : r.models()) {
                out.printf(Locale.ROOT, "%-24s %-6s %8d %8d %7.1f%% %7.1f%% %8.1f %7.3f %9s%n", r.dataset().name(),
                        m.model().id(), r.dataset().size(), r.dataset().includes(), m.mean().wss95() * 100,
                        m.mean().rrf10() * 100, m.mean().atd(), m.mean().loss(), "every " + r.retrainEvery());
            }
        }
        if (results.size() > 1) {
            meanOverDatasets(results).forEach((id, m) -> out.printf(Locale.ROOT,
                    "%-24s %-6s %8s %8s %7.1f%% %7.1f%% %8.1f %7.3f%n", "mean of " + results.size() + " datasets",
                    id, "", "", m.wss95() * 100, m.rrf10() * 100, m.atd(), m.loss()));
        }
        out.printf(Locale.ROOT, "(means over %d seed%s; each seed draws 1 include and 1 exclude as prior knowledge;"
                + " metrics as ASReview Insights defines them)%n", options.seeds(), options.seeds() == 1 ? "" : "s");
        for (DatasetResult r : results) {
            r.picture().ifPresent(p -> out.println("recall curve of " + r.dataset().name() + ": " + p));
        }
    }

    private static void printJson(List<DatasetResult> results, Options options, PrintStream out) throws Exception {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        root.put("seeds", options.seeds());
        root.put("randomShare", options.randomShare());
        ArrayNode datasets = root.putArray("datasets");
        for (DatasetResult r : results) {
            ObjectNode d = datasets.addObject();
            d.put("name", r.dataset().name());
            d.put("file", r.file().toString());
            d.put("records", r.dataset().size());
            d.put("includes", r.dataset().includes());
            d.put("retrainEvery", r.retrainEvery());
            ArrayNode problems = d.putArray("problems");
            r.dataset().problems().forEach(problems::add);
            if (r.picture().isPresent()) {
                d.put("curve", r.picture().get().toString());
            } else {
                d.putNull("curve");
            }
            ArrayNode ms = d.putArray("models");
            for (ModelResult m : r.models()) {
                ObjectNode mo = ms.addObject();
                mo.put("model", m.model().id());
                mo.put("label", m.model().label());
                metrics(mo.putObject("mean"), m.mean());
                ArrayNode runs = mo.putArray("runs");
                for (Simulation.Run run : m.runs()) {
                    ObjectNode ro = runs.addObject();
                    ro.put("seed", run.seed());
                    metrics(ro, run.metrics());
                    ro.put("trainings", run.trainings());
                    ro.put("seconds", run.seconds());
                }
            }
        }
        ObjectNode mean = root.putObject("meanOverDatasets");
        meanOverDatasets(results).forEach((id, m) -> metrics(mean.putObject(id), m));
        out.println(mapper.writeValueAsString(root));
    }

    private static void metrics(ObjectNode node, ScreeningMetrics m) {
        node.put("wss95", m.wss95());
        node.put("rrf10", m.rrf10());
        node.put("atd", m.atd());
        node.put("loss", m.loss());
    }
}
