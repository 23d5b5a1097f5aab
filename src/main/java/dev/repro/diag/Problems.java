package dev.repro.diag;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Collects every problem of a step; {@link #throwIfAny(String)} then fails once with all of them. */
public final class Problems {
    /** Beyond this many, further problems are counted but not kept, so a broken million-row file stays readable. */
    public static final int MAX_KEPT = 200;

    private final List<Problem> list = new ArrayList<>();
    private int dropped;

    public void add(Problem p) {
        if (list.size() < MAX_KEPT) {
            list.add(p);
        } else {
            dropped++;
        }
    }

    public void add(String source, int line, int column, String message) {
        add(Problem.at(source, line, column, message));
    }

    public void addKey(String source, int line, int column, String key, String message) {
        add(Problem.atKey(source, line, column, key, message));
    }

    /** Counts problems that were found but not kept elsewhere. */
    public void addDropped(int count) {
        dropped += count;
    }

    public void addAll(Problems other) {
        other.list.forEach(this::add);
        dropped += other.dropped;
    }

    public boolean isEmpty() {
        return list.isEmpty();
    }

    public int size() {
        return list.size() + dropped;
    }

    public List<Problem> list() {
        return Collections.unmodifiableList(list);
    }

    /** Number of problems beyond {@link #MAX_KEPT} that were counted but not kept. */
    public int dropped() {
        return dropped;
    }

    /** Fails with every collected problem, if there is any. */
    public void throwIfAny(String what) throws ReproException {
        if (!isEmpty()) {
            throw new ReproException(what, this);
        }
    }
}
