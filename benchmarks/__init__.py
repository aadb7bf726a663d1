"""Benchmarks: retrieval and answer quality, speed and memory; figures are printed, never asserted."""
