/*
 * dlopen() and dlsym() for a program without a dynamic linker.
 *
 * The runtime is one static wasm binary. Emscripten's own dlopen() aborts the whole page in
 * such a build, and `import ctypes` calls dlopen(NULL) (ctypes.pythonapi). The final link
 * wraps both (-Wl,--wrap=dlopen,--wrap=dlsym): dlopen(NULL) gives a handle for the program
 * itself, whose symbols cannot be looked up (the binary keeps no symbol table), and any
 * library file fails; both set dlerror(), which ctypes turns into OSError/AttributeError.
 */
#include <dlfcn.h>
#include <stddef.h>

/* musl's internal setter of dlerror()'s message (hidden, linked statically). */
void __dl_seterr(const char *fmt, ...);

static int program_handle;

void *__wrap_dlopen(const char *file, int flags)
{
    (void)flags;
    if (file == NULL) {
        return &program_handle;
    }
    __dl_seterr("%s: cannot load a shared library in the browser (the runtime is one static "
                "program)", file);
    return NULL;
}

void *__wrap_dlsym(void *handle, const char *symbol)
{
    (void)handle;
    __dl_seterr("%s: symbol not found (the browser runtime keeps no symbol table)", symbol);
    return NULL;
}
