"""Benchmarks: speed, memory and accuracy measurements run by `make bench`, never by the tests."""
