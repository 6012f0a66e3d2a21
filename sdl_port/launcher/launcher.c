/*
 * The runtime's entry points for the page (see docs/runtime-contract.md).
 *
 *   int pl_init(void)                      start CPython, import plboot; 0 on success
 *   int pl_call(const char *fn, const char *arg)
 *                                          call plboot.<fn>(arg) (or plboot.<fn>() when arg is
 *                                          NULL) and return its int result; -1 on an exception
 *
 * It also provides the builtin module `_pl` (asyncify-aware sleeping and frame waits, and
 * `js`, the one door to the page's JavaScript: see pljs.py) and registers pygame-ce's
 * statically linked modules under "pygame.base".
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <SDL.h>
#include <SDL_ttf.h>
#include <emscripten.h>

PyMODINIT_FUNC PyInit_base(void);

static PyObject *boot_module = NULL;

/* Resolves when the browser paints the next frame. Only called in asyncify builds. */
EM_JS(void, pl_js_wait_frame, (void), {
    return Asyncify.handleSleep(function(wakeUp) { requestAnimationFrame(function() { wakeUp(); }); });
});

/* One request to the page's JavaScript bridge (loader.js, `plJs`): JSON in, JSON out. */
EM_JS(char *, pl_js_request, (const char *request), {
    var reply;
    try {
        reply = Module.plJs(JSON.parse(UTF8ToString(request)));
    } catch (err) {
        reply = { error: String(err && err.stack || err) };
    }
    return stringToNewUTF8(JSON.stringify(reply === undefined ? null : reply));
});

static PyObject *
pl_js(PyObject *self, PyObject *arg)
{
    const char *request = PyUnicode_AsUTF8(arg);
    char *reply;
    PyObject *result;

    if (request == NULL) {
        return NULL;
    }
    reply = pl_js_request(request);
    result = PyUnicode_FromString(reply);
    free(reply);
    return result;
}

static PyObject *
pl_has_asyncify(PyObject *self, PyObject *unused)
{
    return PyBool_FromLong(emscripten_has_asyncify());
}

static PyObject *
pl_sleep_ms(PyObject *self, PyObject *arg)
{
    long ms = PyLong_AsLong(arg);
    if (ms < 0 && PyErr_Occurred()) {
        return NULL;
    }
    if (!emscripten_has_asyncify()) {
        PyErr_SetString(PyExc_RuntimeError, "_pl.sleep_ms needs the asyncify runtime");
        return NULL;
    }
    emscripten_sleep((unsigned int)(ms < 0 ? 0 : ms));
    Py_RETURN_NONE;
}

static PyObject *
pl_wait_frame(PyObject *self, PyObject *unused)
{
    if (!emscripten_has_asyncify()) {
        PyErr_SetString(PyExc_RuntimeError, "_pl.wait_frame needs the asyncify runtime");
        return NULL;
    }
    pl_js_wait_frame();
    Py_RETURN_NONE;
}

static PyMethodDef pl_methods[] = {
    {"has_asyncify", pl_has_asyncify, METH_NOARGS, "True in the asyncify runtime."},
    {"sleep_ms", pl_sleep_ms, METH_O, "Give control to the browser for ms milliseconds."},
    {"wait_frame", pl_wait_frame, METH_NOARGS, "Give control to the browser until its next frame."},
    {"js", pl_js, METH_O, "One JSON request to the page's JavaScript bridge; the JSON reply."},
    {NULL, NULL, 0, NULL}};

static struct PyModuleDef pl_module = {PyModuleDef_HEAD_INIT, "_pl", NULL, -1, pl_methods};

static PyObject *
PyInit__pl(void)
{
    return PyModule_Create(&pl_module);
}

EMSCRIPTEN_KEEPALIVE int
pl_init(void)
{
    PyStatus status;
    PyConfig config;

    /* Keys reach the game without clicking the canvas first: SDL uses this hint as a CSS
       selector, and key events from anywhere in the page bubble up to <body>. pygame's static
       init sets the hint too (to a value that selects nothing), hence the override priority. */
    SDL_SetHintWithPriority(SDL_HINT_EMSCRIPTEN_KEYBOARD_ELEMENT, "body", SDL_HINT_OVERRIDE);
    /* pygame's static build expects TTF_Init before its font module loads. */
    TTF_Init();

    if (PyImport_AppendInittab("pygame.base", PyInit_base) < 0 ||
        PyImport_AppendInittab("_pl", PyInit__pl) < 0) {
        return -1;
    }
    PyConfig_InitPythonConfig(&config);
    config.buffered_stdio = 0;
    config.write_bytecode = 0;
    config.use_environment = 0;
    config.user_site_directory = 0;
    config.install_signal_handlers = 0;
    status = PyConfig_SetString(&config, &config.home, L"/usr/local");
    if (!PyStatus_Exception(status)) {
        status = PyConfig_SetString(&config, &config.program_name, L"python");
    }
    if (!PyStatus_Exception(status)) {
        status = Py_InitializeFromConfig(&config);
    }
    PyConfig_Clear(&config);
    if (PyStatus_Exception(status)) {
        fprintf(stderr, "Python failed to start: %s\n", status.err_msg ? status.err_msg : "?");
        return -1;
    }
    boot_module = PyImport_ImportModule("plboot");
    if (boot_module == NULL) {
        PyErr_Print();
        return -1;
    }
    return 0;
}

EMSCRIPTEN_KEEPALIVE int
pl_call(const char *fn, const char *arg)
{
    PyObject *result;
    long value;

    if (boot_module == NULL) {
        fprintf(stderr, "pl_call(%s) before pl_init\n", fn);
        return -1;
    }
    if (arg != NULL) {
        result = PyObject_CallMethod(boot_module, fn, "s", arg);
    }
    else {
        result = PyObject_CallMethod(boot_module, fn, NULL);
    }
    if (result == NULL) {
        PyErr_Print();
        return -1;
    }
    value = PyLong_AsLong(result);
    Py_DECREF(result);
    if (value == -1 && PyErr_Occurred()) {
        PyErr_Print();
        return -1;
    }
    return (int)value;
}
