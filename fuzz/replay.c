/* Replay a fuzz target's corpus without libFuzzer: `make check` links each
   fuzz/fuzz_*.c with this driver under ASan/UBSan (gcc) and runs it on
   fuzz/corpus/NAME, so every committed input is re-checked on every run.
   Arguments: files or directories (their regular files, sorted order not
   needed).  Exit 0 after "replayed N inputs", or the target's abort. */
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static long replay_file(const char *path)
{
    FILE *f = fopen(path, "rb");
    uint8_t *buf;
    long n;
    if (f == NULL)
    {
        fprintf(stderr, "replay: cannot read %s\n", path);
        exit(2);
    }
    fseek(f, 0, SEEK_END);
    n = ftell(f);
    fseek(f, 0, SEEK_SET);
    buf = malloc(n > 0 ? (size_t) n : 1);
    if (n > 0 && fread(buf, 1, (size_t) n, f) != (size_t) n)
    {
        fprintf(stderr, "replay: cannot read %s\n", path);
        exit(2);
    }
    fclose(f);
    LLVMFuzzerTestOneInput(buf, (size_t) n);
    free(buf);
    return 1;
}

int main(int argc, char **argv)
{
    long count = 0;
    int i;
    for (i = 1; i < argc; i++)
    {
        struct stat sb;
        if (stat(argv[i], &sb) == 0 && S_ISDIR(sb.st_mode))
        {
            DIR *d = opendir(argv[i]);
            struct dirent *e;
            while (d != NULL && (e = readdir(d)) != NULL)
            {
                char path[4096];
                snprintf(path, sizeof path, "%s/%s", argv[i], e->d_name);
                if (stat(path, &sb) == 0 && S_ISREG(sb.st_mode))
                    count += replay_file(path);
            }
            if (d != NULL)
                closedir(d);
        }
        else
            count += replay_file(argv[i]);
    }
    printf("replayed %ld inputs\n", count);
    return 0;
}
