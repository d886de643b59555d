package quire.ui.priority;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import quire.api.review.ReviewStage;
import quire.api.review.ScreeningOrder;
import quire.ui.api.WorkbenchContext;

class NextRelevantCommandTest {

    private final List<String> selection = new CopyOnWriteArrayList<>();
    private final List<String> status = new CopyOnWriteArrayList<>();
    private final List<String> stages = new CopyOnWriteArrayList<>();

    private WorkbenchContext context() {
        return (WorkbenchContext) Proxy.newProxyInstance(WorkbenchContext.class.getClassLoader(),
                new Class<?>[] {WorkbenchContext.class}, (p, m, args) -> switch (m.getName()) {
                    case "stage" -> ReviewStage.TITLE_ABSTRACT;
                    case "setSelection" -> {
                        @SuppressWarnings("unchecked")
                        List<String> ids = (List<String>) args[0];
                        selection.addAll(ids);
                        yield null;
                    }
                    case "showStatus" -> {
                        status.add((String) args[0]);
                        yield null;
                    }
                    default -> throw new UnsupportedOperationException(m.getName());
                });
    }

    @Test
    void selectsTheRecordTheModelRanksFirst() throws Exception {
        NextRelevantCommand command = new NextRelevantCommand();
        WorkbenchContext context = context();
        assertFalse(command.enabled(context), "without a screening order there is nothing to follow");
        command.setOrder(stage -> {
            stages.add(stage);
            return List.of(new ScreeningOrder.Ranked("r7", 0.91), new ScreeningOrder.Ranked("r2", 0.4));
        });
        assertTrue(command.enabled(context));
        command.select(context).get(10, TimeUnit.SECONDS);
        assertEquals(List.of("r7"), selection);
        assertEquals(List.of(ReviewStage.TITLE_ABSTRACT), stages);
        assertEquals(List.of("Most relevant unscreened record: 91% (2 left)"), status);
    }

    @Test
    void saysWhenNothingIsLeft() throws Exception {
        NextRelevantCommand command = new NextRelevantCommand();
        command.setOrder(stage -> List.of());
        command.select(context()).get(10, TimeUnit.SECONDS);
        assertTrue(selection.isEmpty());
        assertEquals(List.of("Every record of this stage is screened."), status);
    }
}
