package dev.repro.pipeline;

/** Where the core says what it does; the mojos adapt it to Maven's log, tests collect it. */
public interface Reporter {
    void info(String message);

    void warn(String message);

    Reporter SILENT = new Reporter() {
        @Override
        public void info(String message) {
        }

        @Override
        public void warn(String message) {
        }
    };
}
