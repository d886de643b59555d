package quire.export.bibtex;

import java.util.Map;
import java.util.Optional;

/**
 * Letters that Unicode does not decompose into an ASCII base letter and combining marks ({@code ß}, {@code ø},
 * {@code ł}, ...): how LaTeX writes each one and how it folds to ASCII.
 */
final class SpecialLetters {

    /**
     * One letter.
     *
     * @param latex the LaTeX command without braces, e.g. {@code \ss}; empty when the default (OT1) font
     *              encoding has none, so that the ASCII form is written instead
     * @param ascii the ASCII form, e.g. {@code ss}
     */
    record Letter(String latex, String ascii) {
    }

    private static final Map<Integer, Letter> LETTERS = Map.ofEntries(
            entry('ß', "\\ss", "ss"), entry('ẞ', "\\SS", "SS"),
            entry('ø', "\\o", "o"), entry('Ø', "\\O", "O"),
            entry('ł', "\\l", "l"), entry('Ł', "\\L", "L"),
            entry('æ', "\\ae", "ae"), entry('Æ', "\\AE", "AE"),
            entry('œ', "\\oe", "oe"), entry('Œ', "\\OE", "OE"),
            entry('å', "\\aa", "a"), entry('Å', "\\AA", "A"),
            entry('ı', "\\i", "i"), entry('ȷ', "\\j", "j"),
            // \dh, \th, \dj, \ng exist only in T1; the ASCII form keeps a default document compiling.
            entry('đ', "", "d"), entry('Đ', "", "D"),
            entry('ð', "", "d"), entry('Ð', "", "D"),
            entry('þ', "", "th"), entry('Þ', "", "Th"),
            entry('ŋ', "", "ng"), entry('Ŋ', "", "Ng"),
            entry('ħ', "", "h"), entry('Ħ', "", "H"),
            entry('ĸ', "", "q"), entry('ŀ', "", "l"), entry('Ŀ', "", "L"));

    private SpecialLetters() {
    }

    private static Map.Entry<Integer, Letter> entry(char letter, String latex, String ascii) {
        return Map.entry((int) letter, new Letter(latex, ascii));
    }

    /** The letter for a code point, if it is one of these. */
    static Optional<Letter> of(int codePoint) {
        return Optional.ofNullable(LETTERS.get(codePoint));
    }
}
