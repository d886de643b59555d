package quire.importing;

import java.nio.charset.StandardCharsets;
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
