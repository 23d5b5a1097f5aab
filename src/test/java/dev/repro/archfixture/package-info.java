/**
 * Test fixtures for {@code dev.repro.ArchitectureTest}: two packages that use each other, so the test can show
 * that its rules fail on a cycle. Never part of the plugin.
 */
package dev.repro.archfixture;
