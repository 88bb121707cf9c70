;; Standard normal variates for normal.ts's fillNormal, bit-identical to it: the same sfc32 steps
;; and the same ziggurat fast test, in WebAssembly instead of JS (about twice the speed in V8).
;;
;; Per value: t = the next sfc32 output; if (t >>> 8) < accept[t & 127] the value is
;; z = (t >>> 8) · scale[t & 255], else the host's out-of-line slow path (normalSlowPath, the
;; wedges and the tail) gives z, reading and advancing the generator state in this memory. The
;; value stored is fl32(mean + std·z), computed in float64 and rounded once, as the JS store
;; into a Float32Array does.
;;
;; For a truncated law the host redraws, afterwards and in order, the values farther than $bound
;; from the mean (distributions.ts): the fill lists their indices as it goes, without a branch,
;; so the host need not search the block (a random 4.6 % at ±2σ, which a branch mispredicts).
;; |w − mean| ≤ bound is tested on the stored float32 value, as the host's check is; a NaN is
;; listed. With $bound = +∞ only NaN values are listed.
;;
;; Memory layout, filled by the host (normalWasm.ts):
;;   0      accept: 128 × i32
;;   512    scale: 256 × f64
;;   2560   generator state: a, b, c, counter (i32)
;;   4096…  the values, and the list of indices, at the addresses the host passes

(module
  (import "host" "slowPath" (func $slowPath (param i32) (result f64)))
  (memory (export "memory") 1 64)

  (func $saveState (param $a i32) (param $b i32) (param $c i32) (param $n i32)
    (i32.store (i32.const 2560) (local.get $a))
    (i32.store (i32.const 2564) (local.get $b))
    (i32.store (i32.const 2568) (local.get $c))
    (i32.store (i32.const 2572) (local.get $n)))

  ;; Fills f32 values at [$out, $end) (byte addresses) and lists, from byte address $list, the
  ;; indices (counted from $out) of those outside the bound; returns how many it listed.
  (func (export "fill") (param $out i32) (param $end i32) (param $mean f64) (param $std f64)
                        (param $bound f64) (param $list i32) (result i32)
    (local $a i32) (local $b i32) (local $c i32) (local $n i32) (local $t i32) (local $z f64)
    (local $w f32) (local $index i32) (local $listed i32)
    (local.set $a (i32.load (i32.const 2560)))
    (local.set $b (i32.load (i32.const 2564)))
    (local.set $c (i32.load (i32.const 2568)))
    (local.set $n (i32.load (i32.const 2572)))
    (block $done
      (loop $values
        (br_if $done (i32.ge_u (local.get $out) (local.get $end)))
        ;; sfc32: t = a + b + counter; a = b ^ (b >>> 9); b = c + (c << 3); c = rotl(c, 21) + t.
        (local.set $t (i32.add (i32.add (local.get $a) (local.get $b)) (local.get $n)))
        (local.set $n (i32.add (local.get $n) (i32.const 1)))
        (local.set $a (i32.xor (local.get $b) (i32.shr_u (local.get $b) (i32.const 9))))
        (local.set $b (i32.add (local.get $c) (i32.shl (local.get $c) (i32.const 3))))
        (local.set $c (i32.add (i32.rotl (local.get $c) (i32.const 21)) (local.get $t)))
        (if (i32.lt_u (i32.shr_u (local.get $t) (i32.const 8))
                      (i32.load (i32.shl (i32.and (local.get $t) (i32.const 127)) (i32.const 2))))
          (then
            (local.set $z (f64.mul (f64.convert_i32_u (i32.shr_u (local.get $t) (i32.const 8)))
                                   (f64.load offset=512 (i32.shl (i32.and (local.get $t) (i32.const 255)) (i32.const 3))))))
          (else
            ;; About 3 % of values: the state goes through memory around the host's call.
            (call $saveState (local.get $a) (local.get $b) (local.get $c) (local.get $n))
            (local.set $z (call $slowPath (local.get $t)))
            (local.set $a (i32.load (i32.const 2560)))
            (local.set $b (i32.load (i32.const 2564)))
            (local.set $c (i32.load (i32.const 2568)))
            (local.set $n (i32.load (i32.const 2572)))))
        (local.set $w (f32.demote_f64 (f64.add (local.get $mean) (f64.mul (local.get $std) (local.get $z)))))
        (f32.store (local.get $out) (local.get $w))
        (i32.store (i32.add (local.get $list) (i32.shl (local.get $listed) (i32.const 2))) (local.get $index))
        (local.set $listed (i32.add (local.get $listed)
          (i32.eqz (f64.le (f64.abs (f64.sub (f64.promote_f32 (local.get $w)) (local.get $mean))) (local.get $bound)))))
        (local.set $index (i32.add (local.get $index) (i32.const 1)))
        (local.set $out (i32.add (local.get $out) (i32.const 4)))
        (br $values)))
    (call $saveState (local.get $a) (local.get $b) (local.get $c) (local.get $n))
    (local.get $listed))
)
