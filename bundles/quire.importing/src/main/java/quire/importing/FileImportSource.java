package quire.importing;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import quire.api.importing.ImportOptions;
import quire.api.importing.ImportSource;
import quire.api.work.Progress;

/**
 * A file as importers read it: encoding found, byte order mark skipped, every byte read reported as progress.
 * {@link #scan} reads the file once up front for its digest and encoding; that pass costs about what decoding
 * costs and saves a wrong guess (mojibake) on a file whose first non-ASCII byte comes late.
 */
final class FileImportSource implements ImportSource {

    static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    private static final int BUFFER = 1 << 16;

    /** What one pass over the file found. */
    record Scan(String digest, Charset charset, int bomLength, long size) {
    }

    private final Path file;
    private final ImportOptions options;
    private final Scan scan;
    private final Progress progress;

    FileImportSource(Path file, ImportOptions options, Scan scan, Progress progress) {
        this.file = file;
        this.options = options;
        this.scan = scan;
        this.progress = progress;
    }

    static Scan scan(Path file) throws IOException {
        MessageDigest sha = sha256();
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        CharBuffer chars = CharBuffer.allocate(BUFFER + 16); // a byte never decodes to more than one char
        ByteBuffer pending = ByteBuffer.allocate(BUFFER + 8);
        boolean validUtf8 = true;
        Charset bomCharset = null;
        int bomLength = 0;
        long size = 0;
        byte[] buffer = new byte[BUFFER];
        try (InputStream in = Files.newInputStream(file)) {
            int n;
            boolean first = true;
            while ((n = in.readNBytes(buffer, 0, buffer.length)) > 0) {
                sha.update(buffer, 0, n);
                size += n;
                int offset = 0;
                if (first) {
                    first = false;
                    if (n >= 3 && (buffer[0] & 0xff) == 0xEF && (buffer[1] & 0xff) == 0xBB && (buffer[2] & 0xff) == 0xBF) {
                        bomCharset = StandardCharsets.UTF_8;
                        bomLength = 3;
                    } else if (n >= 2 && (buffer[0] & 0xff) == 0xFF && (buffer[1] & 0xff) == 0xFE) {
                        bomCharset = StandardCharsets.UTF_16LE;
                        bomLength = 2;
                    } else if (n >= 2 && (buffer[0] & 0xff) == 0xFE && (buffer[1] & 0xff) == 0xFF) {
                        bomCharset = StandardCharsets.UTF_16BE;
                        bomLength = 2;
                    }
                    offset = bomLength;
                }
                if (bomCharset == null && validUtf8) {
                    pending.put(buffer, offset, n - offset).flip();
                    CoderResult result = utf8.decode(pending, chars, false);
                    chars.clear();
                    if (result.isError()) {
                        validUtf8 = false;
                    }
                    pending.compact();
                }
            }
        }
        if (bomCharset == null && validUtf8) {
            pending.flip();
            validUtf8 = !utf8.decode(pending, chars, true).isError() && !utf8.flush(chars).isError();
        }
        Charset charset = bomCharset != null ? bomCharset : validUtf8 ? StandardCharsets.UTF_8 : WINDOWS_1252;
        return new Scan(HexFormat.of().formatHex(sha.digest()), charset, bomLength, size);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    String digest() {
        return scan.digest();
    }

    @Override
    public Path file() {
        return file;
    }

    @Override
    public String name() {
        return file.getFileName().toString();
    }

    @Override
    public ImportOptions options() {
        return options;
    }

    @Override
    public Charset charset() {
        return scan.charset();
    }

    @Override
    public long size() {
        return scan.size();
    }

    @Override
    public BufferedReader openReader() throws IOException {
        InputStream in = openStream();
        in.skipNBytes(scan.bomLength());
        CharsetDecoder decoder = scan.charset().newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
        return new BufferedReader(new InputStreamReader(in, decoder), BUFFER);
    }

    @Override
    public InputStream openStream() throws IOException {
        return new BufferedInputStream(new Counting(Files.newInputStream(file), progress), BUFFER);
    }

    /** Reports bytes read as progress. */
    private static final class Counting extends FilterInputStream {
        private final Progress progress;

        Counting(InputStream in, Progress progress) {
            super(in);
            this.progress = progress;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                progress.worked(1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                progress.worked(n);
            }
            return n;
        }
    }
}
