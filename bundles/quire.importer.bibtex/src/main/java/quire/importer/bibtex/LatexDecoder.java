package quire.importer.bibtex;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns the LaTeX of a BibTeX value into plain Unicode text: accents ({@code {\"o}}, {@code \"{o}},
 * {@code \c{c}}, {@code \v s}) become composed letters, {@code \ss}, {@code \o}, {@code \l} and the other special
 * letters become theirs, escaped characters ({@code \&}, {@code \%}) themselves, {@code --} and {@code ---} dashes,
 * {@code ~} a no-break space, {@code ``quotes''} typographic quotes, formatting commands ({@code \emph},
 * {@code \textbf}, {@code \sc}) disappear and leave their text, and braces go.
 *
 * <p>Simple math becomes text: Greek letters and common symbols by name ({@code $\alpha \leq \pm$} gives
 * {@code α ≤ ±}), {@code ^2} and {@code _i} super- and subscripts where Unicode has them; what has no Unicode form
 * stays readable ({@code $x^{ab}$} gives {@code x^ab}, an unknown {@code \foo} gives {@code foo}).
 *
 * <p>A title can also report its brace-protected words: the words that a top-level {@code {...}} keeps from case
 * changes ({@code {NASA}}, {@code {T}est}), so that an exporter can protect them again. A group that only holds a
 * special character ({@code {\"o}}) protects nothing.
 */
final class LatexDecoder {

    private static final char NO_BREAK_SPACE = '\u00A0';

    /** Accent commands and the combining mark each sets. */
    private static final Map<String, Character> ACCENTS = Map.ofEntries(
            Map.entry("\"", '\u0308'), Map.entry("'", '\u0301'), Map.entry("`", '\u0300'),
            Map.entry("^", '\u0302'), Map.entry("~", '\u0303'), Map.entry("=", '\u0304'), Map.entry(".", '\u0307'),
            Map.entry("u", '\u0306'), Map.entry("v", '\u030C'), Map.entry("H", '\u030B'), Map.entry("c", '\u0327'),
            Map.entry("k", '\u0328'), Map.entry("d", '\u0323'), Map.entry("b", '\u0331'), Map.entry("r", '\u030A'),
            Map.entry("t", '\u0361'));

    /** Commands that stand for one letter. */
    private static final Map<String, String> LETTERS = Map.ofEntries(
            Map.entry("ss", "ß"), Map.entry("SS", "SS"), Map.entry("o", "ø"), Map.entry("O", "Ø"),
            Map.entry("l", "ł"), Map.entry("L", "Ł"), Map.entry("ae", "æ"), Map.entry("AE", "Æ"),
            Map.entry("oe", "œ"), Map.entry("OE", "Œ"), Map.entry("aa", "å"), Map.entry("AA", "Å"),
            Map.entry("i", "ı"), Map.entry("j", "ȷ"), Map.entry("dh", "ð"), Map.entry("DH", "Ð"),
            Map.entry("th", "þ"), Map.entry("TH", "Þ"), Map.entry("ng", "ŋ"), Map.entry("NG", "Ŋ"),
            Map.entry("dj", "đ"), Map.entry("DJ", "Đ"));

    /** Commands that stand for a symbol or a word, in text or in math. */
    private static final Map<String, String> SYMBOLS = new HashMap<>();

    /** Commands that print their one argument unchanged (formatting we do not keep). */
    private static final Set<String> KEEP_ARGUMENT = Set.of("textbf", "textit", "emph", "textsc", "texttt",
            "textsf", "textsl", "textmd", "mathrm", "mathit", "mathbf", "mathsf", "mathtt", "mathnormal",
            "mathcal", "mathscr", "mathfrak", "boldsymbol", "bm", "operatorname", "NoCaseChange", "nocase",
            "underline", "uline", "sout", "mkbibemph", "mkbibitalic", "mkbibbold", "protect", "foreignlanguage",
            "em", "it", "bf", "sc");

    /** Declarations that change the font of the rest of the group: dropped. */
    private static final Set<String> DECLARATIONS = Set.of("bf", "it", "em", "sc", "rm", "sf", "tt", "sl", "up",
            "bfseries", "itshape", "scshape", "upshape", "mdseries", "slshape", "rmfamily", "sffamily", "ttfamily",
            "normalfont", "small", "large", "Large", "LARGE", "huge", "Huge", "tiny", "scriptsize", "footnotesize",
            "normalsize", "selectfont", "relax", "protect", "noindent", "displaystyle", "textstyle", "scriptstyle",
            "left", "right", "big", "Big", "bigl", "bigr", "Bigl", "Bigr", "limits", "nolimits", "unskip",
            "ignorespaces", "null", "leavevmode", "sloppy", "frenchspacing", "boldmath", "unboldmath");

    /** Commands whose argument is not text at all: dropped with it. */
    private static final Set<String> DROP_ARGUMENT = Set.of("noopsort", "label", "index", "hspace", "vspace",
            "hskip", "vskip", "cite", "citep", "citet", "ref", "pageref", "phantom", "hphantom", "color",
            "bibinfo", "bibfield", "iffalse", "kern");

    private static final Map<Character, Character> SUPERSCRIPTS = pairs("0123456789+-=()niaeo\u2212",
            "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁼⁽⁾ⁿⁱᵃᵉᵒ⁻");
    private static final Map<Character, Character> SUBSCRIPTS = pairs("0123456789+-=()aeoxijnrtuv\u2212",
            "₀₁₂₃₄₅₆₇₈₉₊₋₌₍₎ₐₑₒₓᵢⱼₙᵣₜᵤᵥ₋");
    private static final Map<Character, Character> DOUBLE_STRUCK = pairs("RNZQCPH", "ℝℕℤℚℂℙℍ");

    /** Composed accented letters: accents repeat, and {@link Normalizer} is slow in comparison. */
    private static final Map<String, String> COMPOSED = new ConcurrentHashMap<>();

    static {
        String[][] symbols = {
            // text symbols
            {"textendash", "–"}, {"textemdash", "—"}, {"textquoteleft", "‘"}, {"textquoteright", "’"},
            {"textquotedblleft", "“"}, {"textquotedblright", "”"}, {"textquotesingle", "'"},
            {"textquotedbl", "\""}, {"quotedblbase", "„"}, {"quotesinglbase", "‚"}, {"guillemotleft", "«"},
            {"guillemotright", "»"}, {"guillemetleft", "«"}, {"guillemetright", "»"}, {"guilsinglleft", "‹"},
            {"guilsinglright", "›"}, {"og", "«"}, {"fg", "»"}, {"textasciitilde", "~"}, {"textbackslash", "\\"},
            {"textbar", "|"}, {"textless", "<"}, {"textgreater", ">"}, {"textasciicircum", "^"},
            {"textunderscore", "_"}, {"textbraceleft", "{"}, {"textbraceright", "}"}, {"textdollar", "$"},
            {"textpercent", "%"}, {"textampersand", "&"}, {"textexclamdown", "¡"}, {"textquestiondown", "¿"},
            {"copyright", "©"}, {"textcopyright", "©"}, {"textregistered", "®"}, {"texttrademark", "™"},
            {"S", "§"}, {"P", "¶"}, {"textsection", "§"}, {"textparagraph", "¶"}, {"dag", "†"}, {"ddag", "‡"},
            {"textdagger", "†"}, {"textdaggerdbl", "‡"}, {"pounds", "£"}, {"textsterling", "£"}, {"euro", "€"},
            {"texteuro", "€"}, {"textyen", "¥"}, {"textcent", "¢"}, {"textdegree", "°"}, {"degree", "°"},
            {"ldots", "…"}, {"dots", "…"}, {"textellipsis", "…"}, {"cdots", "⋯"}, {"textperiodcentered", "·"},
            {"textbullet", "•"}, {"textmu", "µ"}, {"textpm", "±"}, {"texttimes", "×"}, {"textdiv", "÷"},
            {"textminus", "−"}, {"textonehalf", "½"}, {"textonequarter", "¼"}, {"textthreequarters", "¾"},
            {"textordfeminine", "ª"}, {"textordmasculine", "º"}, {"textasteriskcentered", "∗"},
            {"textnumero", "№"}, {"checkmark", "✓"}, {"LaTeX", "LaTeX"}, {"LaTeXe", "LaTeX2ε"}, {"TeX", "TeX"},
            {"BibTeX", "BibTeX"}, {"XeTeX", "XeTeX"}, {"slash", "/"}, {"textslash", "/"},
            {"textvisiblespace", "␣"}, {"textcelsius", "℃"}, {"textohm", "Ω"}, {"textmho", "℧"},
            // spacing
            {"quad", " "}, {"qquad", " "}, {"enspace", " "}, {"thinspace", " "}, {"space", " "},
            {"newline", " "}, {"linebreak", " "}, {"par", " "}, {"newblock", " "}, {"hfill", " "},
            {"break", " "}, {"allowbreak", ""}, {"nobreak", ""},
            // Greek
            {"alpha", "α"}, {"beta", "β"}, {"gamma", "γ"}, {"delta", "δ"}, {"epsilon", "ϵ"},
            {"varepsilon", "ε"}, {"zeta", "ζ"}, {"eta", "η"}, {"theta", "θ"}, {"vartheta", "ϑ"}, {"iota", "ι"},
            {"kappa", "κ"}, {"varkappa", "ϰ"}, {"lambda", "λ"}, {"mu", "μ"}, {"nu", "ν"}, {"xi", "ξ"},
            {"omicron", "ο"}, {"pi", "π"}, {"varpi", "ϖ"}, {"rho", "ρ"}, {"varrho", "ϱ"}, {"sigma", "σ"},
            {"varsigma", "ς"}, {"tau", "τ"}, {"upsilon", "υ"}, {"phi", "ϕ"}, {"varphi", "φ"}, {"chi", "χ"},
            {"psi", "ψ"}, {"omega", "ω"}, {"Gamma", "Γ"}, {"Delta", "Δ"}, {"Theta", "Θ"}, {"Lambda", "Λ"},
            {"Xi", "Ξ"}, {"Pi", "Π"}, {"Sigma", "Σ"}, {"Upsilon", "Υ"}, {"Phi", "Φ"}, {"Psi", "Ψ"},
            {"Omega", "Ω"}, {"upmu", "μ"}, {"upalpha", "α"}, {"upbeta", "β"}, {"uppi", "π"},
            // math
            {"pm", "±"}, {"mp", "∓"}, {"times", "×"}, {"div", "÷"}, {"cdot", "·"}, {"ast", "∗"}, {"star", "⋆"},
            {"circ", "∘"}, {"bullet", "•"}, {"leq", "≤"}, {"le", "≤"}, {"geq", "≥"}, {"ge", "≥"},
            {"leqslant", "⩽"}, {"geqslant", "⩾"}, {"neq", "≠"}, {"ne", "≠"}, {"ll", "≪"}, {"gg", "≫"},
            {"approx", "≈"}, {"sim", "∼"}, {"simeq", "≃"}, {"cong", "≅"}, {"equiv", "≡"}, {"propto", "∝"},
            {"infty", "∞"}, {"partial", "∂"}, {"nabla", "∇"}, {"sum", "∑"}, {"prod", "∏"}, {"int", "∫"},
            {"oint", "∮"}, {"rightarrow", "→"}, {"to", "→"}, {"leftarrow", "←"}, {"gets", "←"},
            {"Rightarrow", "⇒"}, {"Leftarrow", "⇐"}, {"leftrightarrow", "↔"}, {"Leftrightarrow", "⇔"},
            {"longrightarrow", "⟶"}, {"Longrightarrow", "⟹"}, {"mapsto", "↦"}, {"uparrow", "↑"},
            {"downarrow", "↓"}, {"in", "∈"}, {"notin", "∉"}, {"ni", "∋"}, {"subset", "⊂"}, {"subseteq", "⊆"},
            {"supset", "⊃"}, {"supseteq", "⊇"}, {"cup", "∪"}, {"cap", "∩"}, {"setminus", "∖"},
            {"emptyset", "∅"}, {"varnothing", "∅"}, {"forall", "∀"}, {"exists", "∃"}, {"neg", "¬"},
            {"lnot", "¬"}, {"wedge", "∧"}, {"land", "∧"}, {"vee", "∨"}, {"lor", "∨"}, {"oplus", "⊕"},
            {"otimes", "⊗"}, {"perp", "⊥"}, {"parallel", "∥"}, {"mid", "|"}, {"vert", "|"}, {"lvert", "|"},
            {"rvert", "|"}, {"Vert", "‖"}, {"langle", "⟨"}, {"rangle", "⟩"}, {"lceil", "⌈"}, {"rceil", "⌉"},
            {"lfloor", "⌊"}, {"rfloor", "⌋"}, {"ell", "ℓ"}, {"hbar", "ℏ"}, {"Re", "ℜ"}, {"Im", "ℑ"},
            {"aleph", "ℵ"}, {"prime", "′"}, {"angle", "∠"}, {"triangle", "△"}, {"Box", "□"},
            {"sqrt", "√"}, {"surd", "√"}, {"top", "⊤"}, {"bot", "⊥"}, {"vdash", "⊢"}, {"models", "⊨"},
            {"dagger", "†"}, {"ddagger", "‡"}, {"lbrace", "{"}, {"rbrace", "}"}, {"backslash", "\\"},
            {"colon", ":"}, {"lim", "lim"}, {"log", "log"}, {"ln", "ln"}, {"exp", "exp"}, {"sin", "sin"},
            {"cos", "cos"}, {"tan", "tan"}, {"max", "max"}, {"min", "min"}, {"sup", "sup"}, {"inf", "inf"},
            {"arg", "arg"}, {"det", "det"}, {"dim", "dim"}, {"ker", "ker"}, {"Pr", "Pr"}, {"deg", "deg"},
            {"gcd", "gcd"}, {"argmax", "argmax"}, {"argmin", "argmin"},
        };
        for (String[] s : symbols) {
            SYMBOLS.put(s[0], s[1]);
        }
    }

    /** Commands after which a space is eaten, as TeX does: letters, accents and typographic symbols. */
    private static final Set<String> EAT_SPACE = Set.of("textendash", "textemdash", "textquoteleft",
            "textquoteright", "textquotedblleft", "textquotedblright", "quotedblbase", "guillemotleft",
            "guillemetleft", "og", "allowbreak", "nobreak", "textperiodcentered", "newblock", "par", "newline");

    /** ASCII characters that {@link #step} treats specially. */
    private static final boolean[] SPECIAL = new boolean[128];

    static {
        for (char c : "\\{}$~-`'^_ \t\n\r".toCharArray()) {
            SPECIAL[c] = true;
        }
        for (char c = 0; c < ' '; c++) {
            SPECIAL[c] = true;
        }
    }

    private final char[] s;
    private final int n;
    private int i;
    private final StringBuilder out;
    private boolean math;
    /** Start and end in {@link #out} of each top-level group, or null when not wanted. */
    private final List<int[]> spans;
    private int depth;

    /** A decoder for {@code text} whose first {@code plain} characters need no decoding. */
    private LatexDecoder(String text, int plain, boolean wantSpans) {
        this.s = text.toCharArray();
        this.n = s.length;
        this.out = new StringBuilder(n).append(s, 0, plain);
        this.i = plain;
        this.spans = wantSpans ? new ArrayList<>() : null;
    }

    /** The text of a value, decoded. */
    static String decode(String latex) {
        int plain = plainPrefix(latex);
        if (plain == latex.length()) {
            return latex.strip();
        }
        LatexDecoder decoder = new LatexDecoder(latex, plain, false);
        decoder.run();
        return decoder.result();
    }

    /** The text of a title, decoded; its brace-protected words are added to {@code protectedWords}. */
    static String decodeTitle(String latex, Set<String> protectedWords) {
        int plain = plainPrefix(latex);
        if (plain == latex.length()) {
            return latex.strip();
        }
        LatexDecoder decoder = new LatexDecoder(latex, plain, true);
        decoder.run();
        decoder.protectedWords(protectedWords);
        return decoder.result();
    }

    /**
     * A verbatim value (URL, DOI, file name): only the escapes of characters that URLs have and LaTeX does not
     * allow ({@code \_}, {@code \%}, {@code \&}, {@code \#}, {@code \~}, {@code \$}) are undone and unescaped
     * braces dropped; nothing else changes.
     */
    static String verbatim(String latex) {
        if (latex.indexOf('\\') < 0 && latex.indexOf('{') < 0 && latex.indexOf('}') < 0) {
            return latex.strip();
        }
        StringBuilder out = new StringBuilder(latex.length());
        for (int k = 0; k < latex.length(); k++) {
            char c = latex.charAt(k);
            if (c == '\\' && k + 1 < latex.length() && "_%&#~${}/".indexOf(latex.charAt(k + 1)) >= 0) {
                out.append(latex.charAt(++k));
            } else if (latex.startsWith("\\url{", k)) {
                k += 3; // the command goes; its braces are dropped below
            } else if (c != '{' && c != '}') {
                out.append(c);
            }
        }
        return out.toString().strip();
    }

    /**
     * How many characters at the start of the text have nothing for LaTeX to do: no command, brace, math, tie,
     * ligature dash or quote (the scanner has already made white space single spaces).
     */
    private static int plainPrefix(String text) {
        for (int k = 0, len = text.length(); k < len; k++) {
            char c = text.charAt(k);
            switch (c) {
                case '\\', '{', '}', '$', '~', '`', '\t', '\n', '\r' -> {
                    return k;
                }
                case '-', '\'' -> {
                    if (k + 1 < len && text.charAt(k + 1) == c) {
                        return k;
                    }
                }
                case ' ' -> {
                    if (k + 1 < len && text.charAt(k + 1) == ' ') {
                        return k;
                    }
                }
                default -> {
                }
            }
        }
        return text.length();
    }

    private String result() {
        int start = 0;
        int end = out.length();
        while (start < end && Character.isWhitespace(out.charAt(start))) {
            start++;
        }
        while (end > start && Character.isWhitespace(out.charAt(end - 1))) {
            end--;
        }
        return out.substring(start, end);
    }

    private void run() {
        while (i < n) {
            step(false);
        }
    }

    /** Decodes up to the closing brace of the current group (consumed). */
    private void group() {
        while (i < n) {
            if (s[i] == '}') {
                i++;
                return;
            }
            step(true);
        }
    }

    /** Decodes one unit: a character, a group, a command, a math shift. */
    private void step(boolean inGroup) {
        char c = s[i];
        switch (c) {
            case '{' -> {
                i++;
                if (spans != null && depth == 0) {
                    int start = out.length();
                    boolean special = i < n && s[i] == '\\';
                    depth++;
                    group();
                    depth--;
                    if (protects(start, special)) {
                        spans.add(new int[] {start, out.length()});
                    }
                } else {
                    depth++;
                    group();
                    depth--;
                }
            }
            case '}' -> i++; // unbalanced: the scanner let it through inside a quoted value
            case '\\' -> command();
            case '$' -> {
                i++;
                if (i < n && s[i] == '$') {
                    i++;
                }
                math = !math;
            }
            case '~' -> {
                i++;
                out.append(math ? ' ' : NO_BREAK_SPACE);
            }
            case '-' -> {
                i++;
                if (math) {
                    out.append('-');
                } else if (i + 1 < n && s[i] == '-' && s[i + 1] == '-') {
                    i += 2;
                    out.append('—');
                } else if (i < n && s[i] == '-') {
                    i++;
                    out.append('–');
                } else {
                    out.append('-');
                }
            }
            case '`' -> {
                i++;
                if (i < n && s[i] == '`') {
                    i++;
                    out.append('“');
                } else {
                    out.append('‘');
                }
            }
            case '\'' -> {
                i++;
                if (!math && i < n && s[i] == '\'') {
                    i++;
                    out.append('”');
                } else {
                    out.append(math ? '′' : '\'');
                }
            }
            case '^', '_' -> {
                i++;
                if (math) {
                    script(c == '^' ? SUPERSCRIPTS : SUBSCRIPTS, c);
                } else {
                    out.append(c);
                }
            }
            case ' ', '\t', '\n', '\r' -> {
                i++;
                space();
            }
            default -> {
                // the run of characters that need nothing, appended at once
                int k = i + 1;
                if (!math) {
                    while (k < n && ordinary(k)) {
                        k++;
                    }
                }
                out.append(s, i, k - i);
                i = k;
            }
        }
    }

    /** Whether {@code s[k]}, inside a run of plain text, is plain text too. */
    private boolean ordinary(int k) {
        char c = s[k];
        if (c >= 128) {
            return true;
        }
        if (!SPECIAL[c]) {
            return true;
        }
        return switch (c) {
            case ' ' -> s[k - 1] != ' ';
            case '-', '\'' -> k + 1 >= n || s[k + 1] != c;
            default -> false;
        };
    }

    /** Whether a top-level group that produced {@code out[start..]} protects words from case changes. */
    private boolean protects(int start, boolean special) {
        int letters = 0;
        for (int k = start; k < out.length(); k++) {
            if (Character.isLetterOrDigit(out.charAt(k))) {
                letters++;
            }
        }
        // {\"O} or {\ss} is BibTeX's "special character", one letter kept as a unit, not a protected word
        return special ? letters > 1 : letters > 0;
    }

    private void space() {
        int len = out.length();
        if (len > 0 && out.charAt(len - 1) != ' ') {
            out.append(' ');
        }
    }

    // ------------------------------------------------------------------------------------------------ commands

    private void command() {
        i++; // backslash
        if (i >= n) {
            out.append('\\');
            return;
        }
        char c = s[i];
        if (!isAsciiLetter(c)) {
            i++;
            controlSymbol(c);
            return;
        }
        int start = i;
        while (i < n && isAsciiLetter(s[i])) {
            i++;
        }
        controlWord(new String(s, start, i - start));
    }

    private void controlSymbol(char c) {
        Character accent = ACCENTS.get(String.valueOf(c));
        if (accent != null) {
            accent(accent);
            return;
        }
        switch (c) {
            case '&', '%', '$', '#', '_', '{', '}', '|' -> out.append(c);
            case '\\', ',', ';', ':', ' ', '>', '\n', '\t', '\r' -> space();
            case '(', '[' -> math = true;
            case ')', ']' -> math = false;
            case '!', '/', '-', '@', '*' -> {
                // \! negative thin space, \/ italic correction, \- hyphenation point, \@ end of sentence: nothing
            }
            default -> out.append(c);
        }
    }

    private void controlWord(String name) {
        Character accent = name.length() <= 1 ? ACCENTS.get(name) : null;
        if (accent != null) {
            skipSpaces();
            accent(accent);
            return;
        }
        String letter = LETTERS.get(name);
        if (letter != null) {
            skipSpaces();
            emptyGroup();
            out.append(letter);
            return;
        }
        String symbol = SYMBOLS.get(name);
        if (symbol != null) {
            if (EAT_SPACE.contains(name)) {
                skipSpaces();
            }
            if (name.equals("sqrt")) {
                out.append('√');
                skipSpaces();
                if (i < n && s[i] == '{') {
                    argument(false);
                }
                return;
            }
            emptyGroup();
            if (symbol.equals(" ")) {
                space();
            } else {
                out.append(symbol);
            }
            return;
        }
        switch (name) {
            case "url", "path", "nolinkurl", "doi" -> {
                skipSpaces();
                out.append(verbatimArgument());
                return;
            }
            case "href" -> {
                skipSpaces();
                verbatimArgument();
                skipSpaces();
                argument(false);
                return;
            }
            case "frac", "dfrac", "tfrac" -> {
                skipSpaces();
                argument(false);
                out.append('/');
                skipSpaces();
                argument(false);
                return;
            }
            case "mathbb", "mathbbm", "mathds" -> {
                skipSpaces();
                int start = out.length();
                argument(false);
                for (int k = start; k < out.length(); k++) {
                    Character struck = DOUBLE_STRUCK.get(out.charAt(k));
                    if (struck != null) {
                        out.setCharAt(k, struck);
                    }
                }
                return;
            }
            case "MakeUppercase", "uppercase", "MakeLowercase", "lowercase", "textsubscript" -> {
                skipSpaces();
                int start = out.length();
                argument(false);
                String text = out.substring(start);
                out.setLength(start);
                out.append(switch (name) {
                    case "MakeUppercase", "uppercase" -> text.toUpperCase(Locale.ROOT);
                    case "MakeLowercase", "lowercase" -> text.toLowerCase(Locale.ROOT);
                    default -> mapAll(text, SUBSCRIPTS, '_');
                });
                return;
            }
            case "enquote", "mkbibquote" -> {
                skipSpaces();
                out.append('“');
                argument(false);
                out.append('”');
                return;
            }
            case "textsuperscript" -> {
                skipSpaces();
                int start = out.length();
                argument(false);
                String text = out.substring(start);
                out.setLength(start);
                out.append(mapAll(text, SUPERSCRIPTS, '^'));
                return;
            }
            case "text", "mbox", "hbox", "textrm", "textnormal", "textup" -> {
                // text inside math: back to text mode for the argument
                skipSpaces();
                boolean wasMath = math;
                math = false;
                argument(true);
                math = wasMath;
                return;
            }
            case "ensuremath" -> {
                skipSpaces();
                boolean wasMath = math;
                math = true;
                argument(false);
                math = wasMath;
                return;
            }
            default -> {
            }
        }
        if (DROP_ARGUMENT.contains(name)) {
            skipSpaces();
            if (i < n && s[i] == '[') {
                skipOptional();
            }
            if (i < n && s[i] == '{') {
                int start = out.length();
                argument(false);
                out.setLength(start);
            }
            return;
        }
        if (DECLARATIONS.contains(name) && !(i < n && s[i] == '{')) {
            skipSpaces();
            return;
        }
        if (KEEP_ARGUMENT.contains(name)) {
            skipSpaces();
            if (i < n && s[i] == '{') {
                argument(true);
            }
            return;
        }
        // unknown: keep its argument as text, or its name when it has none, so that nothing is silently lost
        if (i < n && s[i] == '{') {
            argument(true);
        } else {
            out.append(name);
        }
    }

    /** An accent over the next letter, group or letter command. */
    private void accent(char mark) {
        skipSpaces();
        int start = out.length();
        if (i < n) {
            char c = s[i];
            if (c == '{') {
                argument(false);
            } else if (c == '\\') {
                command();
            } else if (c != '}') {
                i++;
                out.appendCodePoint(c);
            }
        }
        String base = out.substring(start);
        out.setLength(start);
        out.append(compose(base, mark));
    }

    /** {@code base} with {@code mark} on its first letter, composed where Unicode has the letter. */
    private static String compose(String base, char mark) {
        if (base.isEmpty()) {
            return switch (mark) {
                case '\u0308' -> "¨";
                case '\u0301' -> "´";
                case '\u0300' -> "`";
                case '\u0302' -> "^";
                case '\u0303' -> "~";
                case '\u0304' -> "¯";
                case '\u0327' -> "¸";
                default -> String.valueOf(mark);
            };
        }
        int first = base.codePointAt(0);
        // a dotless i or j under an accent is how LaTeX writes an accented i or j
        if (first == 'ı') {
            first = 'i';
        } else if (first == 'ȷ') {
            first = 'j';
        }
        // the letter with the marks already on it (\'{\^{a}}): the new mark goes after them, as TeX stacks it
        int end = Character.charCount(base.codePointAt(0));
        while (end < base.length() && isMark(base.codePointAt(end))) {
            end += Character.charCount(base.codePointAt(end));
        }
        String rest = base.substring(end);
        if (mark == '\u0361' && !rest.isEmpty()) {
            // the tie goes between two letters: \t{oo}
            return new StringBuilder().appendCodePoint(first).append(base, Character.charCount(base.codePointAt(0)), end)
                    .append(mark).append(rest).toString();
        }
        String cluster = new StringBuilder().appendCodePoint(first)
                .append(base, Character.charCount(base.codePointAt(0)), end).toString();
        String key = Normalizer.normalize(cluster, Normalizer.Form.NFD) + mark;
        String composed = COMPOSED.get(key);
        if (composed == null) {
            composed = Normalizer.normalize(key, Normalizer.Form.NFC);
            if (COMPOSED.size() < 4096) {
                COMPOSED.put(key, composed);
            }
        }
        return rest.isEmpty() ? composed : composed + rest;
    }

    private static boolean isMark(int codePoint) {
        int type = Character.getType(codePoint);
        return type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
                || type == Character.COMBINING_SPACING_MARK;
    }

    /** A super- or subscript in math: the next character, command or group. */
    private void script(Map<Character, Character> table, char sign) {
        skipSpaces();
        if (i >= n) {
            out.append(sign);
            return;
        }
        int start = out.length();
        char c = s[i];
        if (c == '{') {
            argument(false);
        } else if (c == '\\') {
            command();
        } else {
            i++;
            out.append(c);
        }
        String text = out.substring(start);
        out.setLength(start);
        out.append(mapAll(text, table, sign));
    }

    /** Every character mapped through {@code table}, or the text after {@code sign} when one has no mapping. */
    private static String mapAll(String text, Map<Character, Character> table, char sign) {
        if (text.isEmpty() || text.chars().allMatch(ch -> ch == '′')) {
            return text;
        }
        StringBuilder mapped = new StringBuilder(text.length());
        for (int k = 0; k < text.length(); k++) {
            Character m = table.get(text.charAt(k));
            if (m == null) {
                return sign + text;
            }
            mapped.append(m.charValue());
        }
        return mapped.toString();
    }

    /**
     * A braced argument decoded into {@link #out}. With {@code protect}, a top-level argument of a formatting
     * command ({@code \emph{Drosophila}}) protects its words as a group does: BibTeX sees only the braces.
     */
    private void argument(boolean protect) {
        if (i < n && s[i] == '{') {
            i++;
            int start = out.length();
            boolean record = protect && spans != null && depth == 0;
            depth++;
            group();
            depth--;
            if (record && protects(start, false)) {
                spans.add(new int[] {start, out.length()});
            }
        } else if (i < n && s[i] == '\\') {
            command();
        } else if (i < n) {
            out.append(s[i++]);
        }
    }

    /** A braced argument taken as it is written (a URL), its escapes undone. */
    private String verbatimArgument() {
        if (i >= n || s[i] != '{') {
            return "";
        }
        int level = 0;
        int start = i;
        for (; i < n; i++) {
            char c = s[i];
            if (c == '{') {
                level++;
            } else if (c == '}' && --level == 0) {
                i++;
                return verbatim(new String(s, start + 1, i - 2 - start));
            }
        }
        return verbatim(new String(s, start + 1, n - start - 1));
    }

    private void skipOptional() {
        int level = 0;
        for (; i < n; i++) {
            char c = s[i];
            if (c == '[' || c == '{') {
                level++;
            } else if ((c == ']' || c == '}') && --level == 0) {
                i++;
                return;
            }
        }
    }

    /** {@code {}} after a command only ends its name: {@code \ss{}e}. */
    private void emptyGroup() {
        if (i + 1 < n && s[i] == '{' && s[i + 1] == '}') {
            i += 2;
        }
    }

    private void skipSpaces() {
        while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r')) {
            i++;
        }
    }

    private void protectedWords(Set<String> words) {
        for (int[] span : spans) {
            int a = span[0];
            int b = span[1];
            while (a > 0 && Character.isLetterOrDigit(out.charAt(a - 1))) {
                a--;
            }
            while (b < out.length() && Character.isLetterOrDigit(out.charAt(b))) {
                b++;
            }
            String word = out.substring(a, b).replace(NO_BREAK_SPACE, ' ').strip();
            if (!word.isEmpty()) {
                words.add(word);
            }
        }
    }

    private static boolean isAsciiLetter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }

    private static Map<Character, Character> pairs(String from, String to) {
        Map<Character, Character> map = new HashMap<>();
        for (int k = 0; k < from.length(); k++) {
            map.put(from.charAt(k), to.charAt(k));
        }
        return map;
    }

}
