package quire.importing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Ids for imported records: the same record of the same file always gets the same id, whatever the file is
 * called or where it lies, so importing it twice is harmless. 64 bits of SHA-256: a collision among a million
 * references has a chance of about 3 in 100 million.
 */
final class RecordIds {

    private RecordIds() {
    }

    static String fileDigest(Path file) throws IOException {
        MessageDigest sha = sha256();
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                sha.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    static String recordId(String fileDigest, int position) {
        byte[] hash = sha256().digest((fileDigest + ":" + position).getBytes(StandardCharsets.US_ASCII));
        return HexFormat.of().formatHex(hash, 0, 8);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
