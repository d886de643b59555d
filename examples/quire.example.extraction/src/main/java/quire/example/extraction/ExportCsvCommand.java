package quire.example.extraction;

import java.nio.file.Path;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Shell;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import quire.api.library.Library;
import quire.api.review.ReviewService;
import quire.api.work.Jobs;
import quire.ui.api.Command;
import quire.ui.api.MenuContribution;
import quire.ui.api.WorkbenchContext;

/** Review &gt; Export extraction as CSV…: asks where, then writes the CSV in a job. */
@Component(service = {Command.class, MenuContribution.class}, property = "quire.command.id=" + ExportCsvCommand.ID)
public final class ExportCsvCommand implements Command, MenuContribution {

    public static final String ID = "quire.example.extraction.export-csv";

    private final ExtractionStore store;
    private final ReviewService review;
    private final Library library;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile Jobs jobs;

    @Activate
    public ExportCsvCommand(@Reference ExtractionStore store, @Reference ReviewService review,
            @Reference Library library) {
        this.store = store;
        this.review = review;
        this.library = library;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String label() {
        return "Export extraction as CSV\u2026";
    }

    @Override
    public boolean enabled(WorkbenchContext context) {
        return jobs != null;
    }

    @Override
    public void execute(WorkbenchContext context) {
        // the API hands commands no shell to parent a dialog on: the active one is the workbench window
        Shell shell = Display.getCurrent().getActiveShell();
        FileDialog dialog = new FileDialog(shell, SWT.SAVE);
        dialog.setText("Export data extraction");
        dialog.setFilterExtensions(new String[] {"*.csv"});
        dialog.setFileName("extraction.csv");
        dialog.setOverwrite(true);
        String chosen = dialog.open();
        if (chosen != null) {
            export(Path.of(chosen), context);
        }
    }

    /** Writes the CSV to the file in a job and reports in the status line. */
    void export(Path file, WorkbenchContext context) {
        Jobs running = jobs;
        if (running == null) {
            context.showError("The window's job service is gone; try again");
            return;
        }
        running.submit("Export extraction to " + file.getFileName(), progress -> {
            ExtractionForm form = store.form();
            var studies = IncludedStudies.of(review, library);
            ExtractionCommand.writeAtomically(file, Csv.of(ExtractionTable.rows(form, studies,
                    store.extractions())));
            return studies.size();
        }).whenComplete((count, failure) -> {
            if (failure != null) {
                Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
                context.showError("Extraction not exported: " + cause.getMessage());
            } else {
                context.showStatus("Exported the extraction of " + count + " studies to " + file);
            }
        });
    }

    @Override
    public String menu() {
        return MenuContribution.REVIEW;
    }

    @Override
    public String commandId() {
        return ID;
    }

    @Override
    public int order() {
        return 900;
    }
}
