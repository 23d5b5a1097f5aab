package dev.repro.index.quality;

import java.util.Arrays;

/**
 * Export flows summed to region x product x year cells as they stream by, in memory proportional to the
 * number of cells, not of rows: firm-level customs records (firm x product x region x year, tens of
 * millions of rows) are added one at a time and only the cell sums are kept. Regions and products are
 * integer codes chosen by the caller; cells are numbered in order of first appearance, so the result is
 * the same for the same row order. Primitive open addressing, no object per row or per cell.
 */
public final class QualityCells {
    private static final int EMPTY = -1;

    // hash table: slot -> cell
    private int[] slots;
    private int mask;
    // cells
    private int size;
    private int[] region;
    private int[] product;
    private int[] year;
    private double[] value;
    private double[] quantity;
    private int[] firstRow;
    private int[] rowCount;

    public QualityCells(int expectedCells) {
        int cap = Math.max(16, Integer.highestOneBit(Math.max(1, expectedCells - 1)) << 1);
        slots = new int[cap * 2];
        Arrays.fill(slots, EMPTY);
        mask = slots.length - 1;
        region = new int[cap];
        product = new int[cap];
        year = new int[cap];
        value = new double[cap];
        quantity = new double[cap];
        firstRow = new int[cap];
        rowCount = new int[cap];
    }

    /**
     * Adds one flow to its cell and returns the cell's number. {@code row} is the caller's row index of the
     * flow (used to name the first row of a cell in messages), or -1.
     */
    public int add(int regionCode, int productCode, int yearValue, double exportValue, double exportQuantity, int row) {
        int h = hash(regionCode, productCode, yearValue) & mask;
        while (true) {
            int c = slots[h];
            if (c == EMPTY) {
                c = newCell(regionCode, productCode, yearValue, row);
                slots[h] = c;
                value[c] = exportValue;
                quantity[c] = exportQuantity;
                rowCount[c] = 1;
                if (size * 2 > slots.length) {
                    rehash();
                }
                return c;
            }
            if (region[c] == regionCode && product[c] == productCode && year[c] == yearValue) {
                value[c] += exportValue;
                quantity[c] += exportQuantity;
                rowCount[c]++;
                return c;
            }
            h = (h + 1) & mask;
        }
    }

    private int newCell(int r, int p, int y, int row) {
        if (size == region.length) {
            int cap = region.length * 2;
            region = Arrays.copyOf(region, cap);
            product = Arrays.copyOf(product, cap);
            year = Arrays.copyOf(year, cap);
            value = Arrays.copyOf(value, cap);
            quantity = Arrays.copyOf(quantity, cap);
            firstRow = Arrays.copyOf(firstRow, cap);
            rowCount = Arrays.copyOf(rowCount, cap);
        }
        region[size] = r;
        product[size] = p;
        year[size] = y;
        firstRow[size] = row;
        return size++;
    }

    private void rehash() {
        slots = new int[slots.length * 2];
        Arrays.fill(slots, EMPTY);
        mask = slots.length - 1;
        for (int c = 0; c < size; c++) {
            int h = hash(region[c], product[c], year[c]) & mask;
            while (slots[h] != EMPTY) {
                h = (h + 1) & mask;
            }
            slots[h] = c;
        }
    }

    private static int hash(int r, int p, int y) {
        long k = ((long) r * 0x9E3779B97F4A7C15L) ^ ((long) p * 0xC2B2AE3D27D4EB4FL) ^ ((long) y * 0x165667B19E3779F9L);
        k ^= k >>> 31;
        k *= 0xBF58476D1CE4E5B9L;
        k ^= k >>> 29;
        return (int) k;
    }

    /** Number of cells. */
    public int size() {
        return size;
    }

    public int region(int cell) {
        return region[cell];
    }

    public int product(int cell) {
        return product[cell];
    }

    public int year(int cell) {
        return year[cell];
    }

    /** Sum of export values of the cell. */
    public double value(int cell) {
        return value[cell];
    }

    /** Sum of quantities of the cell. */
    public double quantity(int cell) {
        return quantity[cell];
    }

    /** The caller's row index of the cell's first flow (or -1). */
    public int firstRow(int cell) {
        return firstRow[cell];
    }

    /** How many flows were added to the cell. */
    public int rows(int cell) {
        return rowCount[cell];
    }

    /** The cell holding (region, product, year), or -1. */
    public int find(int regionCode, int productCode, int yearValue) {
        int h = hash(regionCode, productCode, yearValue) & mask;
        while (true) {
            int c = slots[h];
            if (c == EMPTY) {
                return -1;
            }
            if (region[c] == regionCode && product[c] == productCode && year[c] == yearValue) {
                return c;
            }
            h = (h + 1) & mask;
        }
    }
}
