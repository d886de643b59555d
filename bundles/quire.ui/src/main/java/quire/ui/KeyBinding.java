package quire.ui;

import java.util.Locale;
import java.util.Optional;
import org.eclipse.swt.SWT;

/**
 * Key bindings as commands write them ({@code Ctrl+Shift+I}, {@code F5}) and as SWT reports key presses: both become
 * one accelerator number (modifier bits or'ed with the upper-case key), so a press matches a binding by equality.
 */
final class KeyBinding {

    private KeyBinding() {
    }

    /** The accelerator of a binding; empty when it is not one this class understands. */
    static Optional<Integer> parse(String text) {
        String[] parts = text.strip().split("\\s*\\+\\s*");
        int modifiers = 0;
        for (int i = 0; i < parts.length - 1; i++) {
            switch (parts[i].toLowerCase(Locale.ROOT)) {
                case "ctrl", "cmd", "mod1" -> modifiers |= SWT.MOD1;
                case "shift" -> modifiers |= SWT.MOD2;
                case "alt" -> modifiers |= SWT.MOD3;
                default -> {
                    return Optional.empty();
                }
            }
        }
        String key = parts[parts.length - 1];
        int code;
        if (key.length() == 1 && Character.isLetterOrDigit(key.charAt(0))) {
            code = Character.toUpperCase(key.charAt(0));
        } else {
            String name = key.toUpperCase(Locale.ROOT);
            if (name.matches("F([1-9]|1[0-2])")) {
                code = SWT.F1 + Integer.parseInt(name.substring(1)) - 1;
            } else {
                switch (name) {
                    case "DELETE", "DEL" -> code = SWT.DEL;
                    case "ENTER", "RETURN" -> code = SWT.CR;
                    case "ESCAPE", "ESC" -> code = SWT.ESC;
                    default -> {
                        return Optional.empty();
                    }
                }
            }
        }
        return Optional.of(modifiers | code);
    }

    /** The accelerator of a key press, in the form {@link #parse} gives. */
    static int of(int stateMask, int keyCode) {
        int modifiers = stateMask & (SWT.MOD1 | SWT.MOD2 | SWT.MOD3);
        int code = keyCode;
        if (code < 0x10000 && Character.isLetter(code)) {
            code = Character.toUpperCase(code);
        } else if (code == SWT.KEYPAD_CR) {
            code = SWT.CR;
        }
        return modifiers | code;
    }
}
