package quire.api.screening;

import java.util.Arrays;
import java.util.Objects;

/**
 * A sparse matrix of features, one row per record, stored row by row (compressed sparse rows). Immutable: the
 * arrays are copied in and never handed out, so a matrix can be shared between threads and models.
 *
 * <p>Read a row as {@code for (int k = start(row); k < end(row); k++) use(column(k), value(k))}; the columns of a
 * row are in ascending order.
 */
public final class FeatureMatrix {

    private final int rows;
    private final int columns;
    private final int[] rowStart;
    private final int[] column;
    private final float[] value;

    /**
     * @param columns  the number of columns (the size of the vocabulary)
     * @param rowStart where each row starts in {@code column} and {@code value}, plus the end: {@code rows + 1}
     *                 ascending offsets starting at 0
     * @param column   the column of each stored value, ascending within a row
     * @param value    the stored values
     * @throws IllegalArgumentException when the arrays do not describe a matrix
     */
    public FeatureMatrix(int columns, int[] rowStart, int[] column, float[] value) {
        Objects.requireNonNull(rowStart, "rowStart");
        Objects.requireNonNull(column, "column");
        Objects.requireNonNull(value, "value");
        if (columns < 0 || rowStart.length == 0 || rowStart[0] != 0 || column.length != value.length
                || rowStart[rowStart.length - 1] != column.length) {
            throw new IllegalArgumentException("not a sparse matrix: " + (rowStart.length - 1) + " rows, "
                    + column.length + " columns stored, " + value.length + " values");
        }
        for (int r = 0; r + 1 < rowStart.length; r++) {
            if (rowStart[r + 1] < rowStart[r]) {
                throw new IllegalArgumentException("row " + r + " ends before it starts");
            }
            for (int k = rowStart[r]; k < rowStart[r + 1]; k++) {
                if (column[k] < 0 || column[k] >= columns || (k > rowStart[r] && column[k] <= column[k - 1])) {
                    throw new IllegalArgumentException("row " + r + ": column " + column[k]
                            + " out of range or out of order");
                }
            }
        }
        this.rows = rowStart.length - 1;
        this.columns = columns;
        this.rowStart = rowStart.clone();
        this.column = column.clone();
        this.value = value.clone();
    }

    /** The number of rows (records). */
    public int rows() {
        return rows;
    }

    /** The number of columns (features). */
    public int columns() {
        return columns;
    }

    /** The number of stored (non-zero) values. */
    public int stored() {
        return column.length;
    }

    /** Where the row's values start. */
    public int start(int row) {
        return rowStart[row];
    }

    /** Where the row's values end (exclusive). */
    public int end(int row) {
        return rowStart[row + 1];
    }

    /** The column of the {@code k}-th stored value. */
    public int column(int k) {
        return column[k];
    }

    /** The {@code k}-th stored value. */
    public float value(int k) {
        return value[k];
    }

    /** The dot product of a row with a dense vector of {@link #columns()} weights. */
    public double dot(int row, double[] weights) {
        double sum = 0;
        for (int k = rowStart[row]; k < rowStart[row + 1]; k++) {
            sum += weights[column[k]] * value[k];
        }
        return sum;
    }

    /** The squared length of a row. */
    public double squaredNorm(int row) {
        double sum = 0;
        for (int k = rowStart[row]; k < rowStart[row + 1]; k++) {
            sum += (double) value[k] * value[k];
        }
        return sum;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FeatureMatrix m && m.columns == columns && Arrays.equals(m.rowStart, rowStart)
                && Arrays.equals(m.column, column) && Arrays.equals(m.value, value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(columns, Arrays.hashCode(rowStart), Arrays.hashCode(column), Arrays.hashCode(value));
    }

    @Override
    public String toString() {
        return "FeatureMatrix[" + rows + " x " + columns + ", " + column.length + " stored]";
    }
}
