;; Lane sums over float32 values for chunkMoments.ts, bit-identical to its plain-JS lane loops.
;;
;; Value i of a chunk (counted from the chunk's start) belongs to lane i mod 4. Each lane keeps
;; its own float64 running sums, added in ascending i: sum += v, sumSq += v·v, and in the second
;; pass m2 += (v − mean)², every product and sum rounded to float64 separately (f64x2.mul then
;; f64x2.add, never fused), exactly as the JS loops do one value at a time. Lanes 0, 1 sit in one
;; f64x2, lanes 2, 3 in another. The minimum and maximum use pmin/pmax (b < a ? b : a), the JS
;; comparison; min and max do not depend on order except for the sign of a zero, which the host
;; normalises. Zeros (±0) are counted per lane in i32. A shuffle brings lanes 2, 3 of a float32
;; quadruple down for f64x2.promote_low_f32x4.
;;
;; The host copies a chunk to address $p (16-byte aligned) and passes the end of its whole
;; quadruples; it adds the last 1–3 values itself. Both functions continue from the lane state
;; stored at $acc and store it back, so a chunk could be passed in pieces of whole quadruples.
;;
;; State at $acc (160 bytes, 16-byte aligned):
;;   +0   sum lanes 0,1 (f64x2)     +16  sum lanes 2,3
;;   +32  sumSq lanes 0,1           +48  sumSq lanes 2,3
;;   +64  min lanes 0–3 (f32x4)     +80  max lanes 0–3
;;   +96  zero counts 0–3 (i32x4)
;;   +112 m2 lanes 0,1 (f64x2)      +128 m2 lanes 2,3

(module
  ;; Grown by the host (momentsWasm.ts) to hold the largest chunk it copies in.
  (memory (export "memory") 1 1024)

  (func (export "sums") (param $p i32) (param $end i32) (param $acc i32)
    (local $v v128) (local $lo v128) (local $hi v128)
    (local $s01 v128) (local $s23 v128) (local $q01 v128) (local $q23 v128)
    (local $min v128) (local $max v128) (local $zeros v128)
    (local.set $s01 (v128.load (local.get $acc)))
    (local.set $s23 (v128.load offset=16 (local.get $acc)))
    (local.set $q01 (v128.load offset=32 (local.get $acc)))
    (local.set $q23 (v128.load offset=48 (local.get $acc)))
    (local.set $min (v128.load offset=64 (local.get $acc)))
    (local.set $max (v128.load offset=80 (local.get $acc)))
    (local.set $zeros (v128.load offset=96 (local.get $acc)))
    (block $done
      (loop $quads
        (br_if $done (i32.ge_u (local.get $p) (local.get $end)))
        (local.set $v (v128.load (local.get $p)))
        (local.set $lo (f64x2.promote_low_f32x4 (local.get $v)))
        (local.set $hi (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $v) (local.get $v))))
        (local.set $s01 (f64x2.add (local.get $s01) (local.get $lo)))
        (local.set $s23 (f64x2.add (local.get $s23) (local.get $hi)))
        (local.set $q01 (f64x2.add (local.get $q01) (f64x2.mul (local.get $lo) (local.get $lo))))
        (local.set $q23 (f64x2.add (local.get $q23) (f64x2.mul (local.get $hi) (local.get $hi))))
        (local.set $min (f32x4.pmin (local.get $min) (local.get $v)))
        (local.set $max (f32x4.pmax (local.get $max) (local.get $v)))
        ;; eq gives −1 in a lane holding ±0.
        (local.set $zeros (i32x4.sub (local.get $zeros) (f32x4.eq (local.get $v) (v128.const f32x4 0 0 0 0))))
        (local.set $p (i32.add (local.get $p) (i32.const 16)))
        (br $quads)))
    (v128.store (local.get $acc) (local.get $s01))
    (v128.store offset=16 (local.get $acc) (local.get $s23))
    (v128.store offset=32 (local.get $acc) (local.get $q01))
    (v128.store offset=48 (local.get $acc) (local.get $q23))
    (v128.store offset=64 (local.get $acc) (local.get $min))
    (v128.store offset=80 (local.get $acc) (local.get $max))
    (v128.store offset=96 (local.get $acc) (local.get $zeros)))

  (func (export "deviations") (param $p i32) (param $end i32) (param $mean f64) (param $acc i32)
    (local $v v128) (local $d01 v128) (local $d23 v128) (local $m01 v128) (local $m23 v128) (local $mu v128)
    (local.set $mu (f64x2.splat (local.get $mean)))
    (local.set $m01 (v128.load offset=112 (local.get $acc)))
    (local.set $m23 (v128.load offset=128 (local.get $acc)))
    (block $done
      (loop $quads
        (br_if $done (i32.ge_u (local.get $p) (local.get $end)))
        (local.set $v (v128.load (local.get $p)))
        (local.set $d01 (f64x2.sub (f64x2.promote_low_f32x4 (local.get $v)) (local.get $mu)))
        (local.set $d23 (f64x2.sub (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $v) (local.get $v))) (local.get $mu)))
        (local.set $m01 (f64x2.add (local.get $m01) (f64x2.mul (local.get $d01) (local.get $d01))))
        (local.set $m23 (f64x2.add (local.get $m23) (f64x2.mul (local.get $d23) (local.get $d23))))
        (local.set $p (i32.add (local.get $p) (i32.const 16)))
        (br $quads)))
    (v128.store offset=112 (local.get $acc) (local.get $m01))
    (v128.store offset=128 (local.get $acc) (local.get $m23)))
)
