// Post-process wasm-bindgen's JS glue (www/pkg/relu_lab.js), run by .ci/build.sh right after
// wasm-bindgen: every method and getter of the exported classes checks its receiver first.
//
// wasm-bindgen's generated methods pass `this.__wbg_ptr` to the wasm as they find it. After
// `free()` it is 0 and the call fails inside the wasm with "null pointer passed to rust", an
// Error naming nothing (issue 9, item 6); called on another object (`Network.prototype.stats
// .call(data)`) the pointer of a different type would be used. The bindings in src/ cannot see
// these calls (the receiver never reaches them), so the check is made here, in JS, before the
// wasm is entered, in the wording the bindings use for a freed argument:
//   network: must be a live Network (to call stats()), got one that was freed (free() was called on it)
// `free()` (and `[Symbol.dispose]()`) on an object already freed does nothing, so a `using`
// block after a manual free() is fine; on an object of another class it throws too.
//
// The guards are added to the prototypes by code appended to the module, found by what it
// does (own methods and getters of each class's prototype), not by the text of each method, so
// a newer wasm-bindgen's glue is guarded just as well. The .d.ts is not touched: the types stay
// what wasm-bindgen wrote. Usage: node .ci/glue.mjs [path/to/relu_lab.js]
import { readFileSync, writeFileSync } from 'node:fs';

/** The exported classes and the name their errors start with. */
const CLASSES = [['Network', 'network'], ['Dataset', 'dataset']];
const MARKER = '// ---- receiver guards (.ci/glue.mjs) ----';

const path = process.argv[2] ?? new URL('../www/pkg/relu_lab.js', import.meta.url).pathname;
const glue = readFileSync(path, 'utf8');
if (glue.includes(MARKER)) {
  console.log(`==> ${path}: receiver guards already added`);
  process.exit(0);
}
for (const [name] of CLASSES) {
  if (!new RegExp(`^export class ${name} \\{$`, 'm').test(glue)) {
    console.error(`.ci/glue.mjs: no "export class ${name}" in ${path}: wasm-bindgen's output changed; update .ci/glue.mjs`);
    process.exit(1);
  }
}
if (!/this\.__wbg_ptr = 0;/.test(glue) || !glue.includes('free() {')) {
  console.error(`.ci/glue.mjs: ${path} no longer keeps its pointer in __wbg_ptr (0 once freed); update .ci/glue.mjs`);
  process.exit(1);
}

// Appended as it is: plain JS, run once when the module is evaluated (after the classes).
const guards = `
${MARKER}
// Every method and getter checks its receiver before the wasm sees it: a freed object, or one
// of another class, is an Error naming the object instead of "null pointer passed to rust".
function __reluLabDescribe(value) {
    if (value === undefined || value === null) return String(value);
    if (typeof value !== 'object' && typeof value !== 'function') return \`a \${typeof value}\`;
    let name = '';
    try {
        name = String(Object.getPrototypeOf(value)?.constructor?.name ?? '');
    } catch {
        name = '';
    }
    return name && name !== 'Object' && name.length < 40 ? \`a \${name}\` : 'an object';
}
function __reluLabGuard(Class, field) {
    const proto = Class.prototype;
    const use = (key, getter) => {
        const label = typeof key === 'symbol' ? \`[\${key.description}]()\` : getter ? key : \`\${key}()\`;
        return getter ? \`to read \${label}\` : \`to call \${label}\`;
    };
    const check = (self, key, getter) => {
        let ours = false;
        let pointer = 0;
        try {
            ours = self instanceof Class;
            pointer = ours ? self.__wbg_ptr : 0;
        } catch {
            ours = false; // a Proxy whose traps throw
        }
        if (!ours) {
            throw new Error(\`\${field}: must be a live \${Class.name} (\${use(key, getter)}), got \${__reluLabDescribe(self)}\`);
        }
        if (!pointer) {
            throw new Error(\`\${field}: must be a live \${Class.name} (\${use(key, getter)}), got one that was freed (free() was called on it)\`);
        }
    };
    const freedAlready = (self) => {
        try {
            return self instanceof Class && !self.__wbg_ptr;
        } catch {
            return false;
        }
    };
    const free = proto.free;
    for (const key of Reflect.ownKeys(proto)) {
        if (key === 'constructor' || key === '__destroy_into_raw') continue;
        const descriptor = Object.getOwnPropertyDescriptor(proto, key);
        if (descriptor.get || descriptor.set) {
            const { get, set } = descriptor;
            const guarded = Object.getOwnPropertyDescriptor({
                get [key]() { check(this, key, true); return get.call(this); },
                set [key](value) { check(this, key, true); set.call(this, value); },
            }, key);
            if (get) descriptor.get = guarded.get;
            if (set) descriptor.set = guarded.set;
        } else if (typeof descriptor.value === 'function') {
            const method = descriptor.value;
            const frees = method === free;
            descriptor.value = {
                [key](...args) {
                    if (frees && freedAlready(this)) return undefined;
                    check(this, key, false);
                    return method.apply(this, args);
                },
            }[key];
        } else {
            continue;
        }
        Object.defineProperty(proto, key, descriptor);
    }
}
${CLASSES.map(([name, field]) => `__reluLabGuard(${name}, '${field}');`).join('\n')}
`;

// Before the module's last export statement would do as well; the end is simplest.
writeFileSync(path, `${glue.trimEnd()}\n${guards}`);
console.log(`==> ${path}: receiver guards on ${CLASSES.map(([name]) => name).join(', ')}`);
