package quire.export.bibtex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What must hold for any text the exporter writes into a field, checked independently of how the encoder works:
 * printable ASCII only, balanced braces, and only the commands the encoder is meant to write (so nothing from the
 * data can have become a command).
 */
final class LatexChecks {

    /** Every control sequence the encoder may write; anything else came from the data. */
    static final Set<String> ALLOWED_COMMANDS = Set.of(
            // escapes and the commands that print ASCII specials
            "&", "%", "$", "#", "_", "textbackslash", "textbraceleft", "textbraceright", "textasciitilde",
            "textasciicircum", "textless", "textgreater", "textbar", "ldots", "textexclamdown", "textquestiondown",
            // the kernel's text symbols
            "textcopyright", "textregistered", "texttrademark", "texteuro", "textdegree",
            // accents and special letters
            "`", "'", "^", "~", "=", "u", ".", "\"", "r", "H", "v", "d", "c", "b", "i", "j", "ss", "SS", "o", "O",
            "l", "L", "ae", "AE", "oe", "OE", "aa", "AA",
            // math symbols
            "S", "P", "pounds", "circ", "mu", "times", "div", "pm", "neg", "cdot", "bullet", "dagger", "ddagger",
            "leftarrow", "rightarrow", "leftrightarrow", "Rightarrow", "Leftrightarrow", "partial", "Delta", "in",
            "sum", "surd", "infty", "sim", "approx", "neq", "leq", "geq",
            "alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "iota", "kappa", "lambda", "nu",
            "xi", "pi", "rho", "varsigma", "sigma", "tau", "upsilon", "phi", "chi", "psi", "omega", "Gamma",
            "Theta", "Lambda", "Xi", "Pi", "Sigma", "Upsilon", "Phi", "Psi", "Omega", "vartheta");

    private static final Pattern COMMAND = Pattern.compile("\\\\([A-Za-z]+|.)");
    private static final Pattern MATH = Pattern.compile("\\{\\$[^${}]*(?:\\{[^${}]*\\})?[^${}]*\\$\\}");

    private LatexChecks() {
    }

    /** Asserts that {@code encoded}, written for {@code input}, is a safe field value. */
    static void assertSafe(String input, String encoded) {
        String context = " in " + show(encoded) + " for " + show(input);
        for (int i = 0; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            if (c < 0x20 || c > 0x7E) {
                fail("non-printable or non-ASCII char U+%04X at %d%s".formatted((int) c, i, context));
            }
        }
        assertTrue(BibtexEntry.balanced(encoded), "unbalanced braces" + context);
        Matcher m = COMMAND.matcher(encoded);
        while (m.find()) {
            if (!ALLOWED_COMMANDS.contains(m.group(1))) {
                fail("command \\" + m.group(1) + " was not written by the encoder" + context);
            }
        }
        // Outside the encoder's math groups, no character TeX treats as markup may stand unescaped.
        String text = MATH.matcher(encoded).replaceAll("");
        String withoutCommands = COMMAND.matcher(text).replaceAll("");
        for (char special : new char[] {'$', '%', '#', '&', '_', '^'}) {
            assertEquals(-1, withoutCommands.indexOf(special), "unescaped " + special + context);
        }
        assertFalse(encoded.contains("^^"), "TeX's ^^ notation" + context);
    }

    static String show(String s) {
        StringBuilder out = new StringBuilder("\"");
        s.codePoints().forEach(cp -> out.append(cp >= 0x20 && cp < 0x7F ? Character.toString(cp)
                : "\\u{%04X}".formatted(cp)));
        return out.append('"').toString();
    }
}
