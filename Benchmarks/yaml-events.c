/* The floor for `clientgen generate`: libyaml's bare event parse of a file, nothing built.
 * Reads the file into memory once (the generator reads it too), then pulls every event N times
 * and prints the best time in seconds and the event count.
 *   cc -O2 Benchmarks/yaml-events.c -o yaml-events -lyaml && ./yaml-events spec.yaml 5
 * Compiled and run by scripts/bench. */
#include <yaml.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec / 1e9;
}

int main(int argc, char **argv) {
    if (argc < 2) { fprintf(stderr, "usage: %s FILE [RUNS]\n", argv[0]); return 2; }
    int runs = argc > 2 ? atoi(argv[2]) : 5;
    FILE *f = fopen(argv[1], "rb");
    if (!f) { perror(argv[1]); return 1; }
    fseek(f, 0, SEEK_END);
    long size = ftell(f);
    fseek(f, 0, SEEK_SET);
    unsigned char *buf = malloc(size > 0 ? size : 1);
    if (fread(buf, 1, size, f) != (size_t)size) { perror("read"); return 1; }
    fclose(f);

    double best = 1e9;
    long events = 0;
    for (int r = 0; r < runs; r++) {
        double start = now();
        yaml_parser_t parser;
        yaml_event_t event;
        yaml_parser_initialize(&parser);
        yaml_parser_set_input_string(&parser, buf, size);
        events = 0;
        for (;;) {
            if (!yaml_parser_parse(&parser, &event)) {
                fprintf(stderr, "%s: parse error: %s\n", argv[1], parser.problem ? parser.problem : "?");
                return 1;
            }
            int done = event.type == YAML_STREAM_END_EVENT;
            yaml_event_delete(&event);
            events++;
            if (done) break;
        }
        yaml_parser_delete(&parser);
        double elapsed = now() - start;
        if (elapsed < best) best = elapsed;
    }
    printf("%.6f %ld\n", best, events);
    free(buf);
    return 0;
}
