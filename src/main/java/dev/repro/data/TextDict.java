package dev.repro.data;

import java.util.Arrays;

/**
 * Dictionary from cell text to a dense code in order of first appearance, looked up straight from the
 * parser's char buffer so that a repeated value (a state name on every row) costs no String.
 * Open addressing with linear probing; the table is kept at most half full.
 */
final class TextDict {
    private String[] levels = new String[16];
    private int[] hashes = new int[16];
    private int size;
    private int[] table = new int[64]; // code + 1, 0 = empty slot
    private int mask = 63;

    int size() {
        return size;
    }

    String level(int code) {
        return levels[code];
    }

    String[] levels() {
        return Arrays.copyOf(levels, size);
    }

    /** The code of {@code text}, adding it as a new level when unseen. */
    int code(String text) {
        return code(text.toCharArray(), 0, text.length());
    }

    /** The code of the text {@code b[s..e)}, adding it as a new level when unseen. */
    int code(char[] b, int s, int e) {
        int h = 0;
        for (int i = s; i < e; i++) {
            h = 31 * h + b[i];
        }
        h ^= h >>> 16;
        int len = e - s;
        int slot = h & mask;
        for (;;) {
            int entry = table[slot];
            if (entry == 0) {
                break;
            }
            int code = entry - 1;
            if (hashes[code] == h && equal(levels[code], b, s, len)) {
                return code;
            }
            slot = (slot + 1) & mask;
        }
        int code = size;
        if (code == levels.length) {
            levels = Arrays.copyOf(levels, code * 2);
            hashes = Arrays.copyOf(hashes, code * 2);
        }
        levels[code] = new String(b, s, len);
        hashes[code] = h;
        size++;
        table[slot] = code + 1;
        if (size * 2 > table.length) {
            rehash();
        }
        return code;
    }

    /** The same for ASCII bytes {@code b[s..e)} (a plain cell of a chunk read as bytes): the same hash and code. */
    int code(byte[] b, int s, int e) {
        int h = 0;
        for (int i = s; i < e; i++) {
            h = 31 * h + b[i];
        }
        h ^= h >>> 16;
        int len = e - s;
        int slot = h & mask;
        for (;;) {
            int entry = table[slot];
            if (entry == 0) {
                break;
            }
            int code = entry - 1;
            if (hashes[code] == h && equal(levels[code], b, s, len)) {
                return code;
            }
            slot = (slot + 1) & mask;
        }
        char[] text = new char[len];
        for (int i = 0; i < len; i++) {
            text[i] = (char) b[s + i];
        }
        return code(text, 0, len);
    }

    private static boolean equal(String level, byte[] b, int s, int len) {
        if (level.length() != len) {
            return false;
        }
        for (int i = 0; i < len; i++) {
            if (level.charAt(i) != b[s + i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean equal(String level, char[] b, int s, int len) {
        if (level.length() != len) {
            return false;
        }
        for (int i = 0; i < len; i++) {
            if (level.charAt(i) != b[s + i]) {
                return false;
            }
        }
        return true;
    }

    private void rehash() {
        int[] t = new int[table.length * 2];
        int m = t.length - 1;
        for (int code = 0; code < size; code++) {
            int slot = hashes[code] & m;
            while (t[slot] != 0) {
                slot = (slot + 1) & m;
            }
            t[slot] = code + 1;
        }
        table = t;
        mask = m;
    }
}
