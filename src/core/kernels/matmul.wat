;; out = x·w (+ bias) in float32. x is B×K, w is K×N, out is B×N, all row-major; bias has N entries.
;; Either operand may be stored transposed ($layout 1: x held as K×B; 2: w held as N×K), so the
;; backward pass's (a)ᵀ·δ and δ·Wᵀ read the matrices where they are instead of copying them.
;;
;; Every output is acc = fl32(acc + fl32(x[b,k] · w[k,j])) over k ascending from acc = 0, then
;; out = fl32(acc + bias[j]): f32x4.mul followed by f32x4.add, never a fused multiply-add, so the
;; result is bit-identical to the Math.fround reference in jsKernel.ts. SIMD lanes hold different
;; output columns, so vectorizing changes nothing about the order of operations. NaN outputs are
;; stored as the canonical quiet NaN 0x7fc00000, whatever sign or payload the hardware produced.
;;
;; All pointers are byte addresses into the exported memory, chosen by the host (wasmKernel.ts);
;; 0 is never a valid region, so inside this module a bias pointer of 0 means "no bias".

(module
  ;; Starts at one page and is grown by the host; 16384 pages = 1 GiB holds B = 4096,
  ;; K = N = 4096 (about 200 MB) several times over. Keep in sync with MAX_PAGES in wasmKernel.ts.
  (memory (export "memory") 1 16384)

  ;; Layout of the scratch area the host passes in (160 + 48·K bytes, 16-byte aligned).
  ;;   +0           one 4×8 output tile, for narrow column panels and batches of fewer than 4 rows
  ;;   +128         8 bias entries, zero-padded, for a narrow panel
  ;;   +160         4 rows of x (K floats each), zero-padded, for batches of fewer than 4 rows
  ;;   +160 + 16·K  the current column panel of w, packed: K rows of 8 contiguous floats

  ;; Four rows × eight columns of out. Eight v128 accumulators stay in registers across the k
  ;; loop; per k it loads one 8-wide row segment of w (two v128) and broadcasts x[b+r, k] for each
  ;; of the four rows: 16 SIMD ops for 64 flops. Larger tiles (4×12, 6×8, 4×16) need more than
  ;; the 15 vector registers V8 allocates on x64 and measured slower, as did unrolling k.
  ;;   $xp  &x[b, 0]     $xs  x row stride (bytes)    $xk  x column stride (bytes): 4, or 4B transposed
  ;;   $xe  &x[b, K], the end of the first row
  ;;   $wp  &w[0, j]     $ws  w row stride (bytes): 4N in place, 32 when packed
  ;;   $op  &out[b, j]   $os  out row stride (bytes)  $bp  &bias[j], or 0 for no bias
  (func $tile4x8 (param $xp i32) (param $xs i32) (param $xk i32) (param $xe i32) (param $wp i32) (param $ws i32)
                 (param $op i32) (param $os i32) (param $bp i32)
    (local $x1 i32) (local $x2 i32) (local $x3 i32)
    (local $w0 v128) (local $w1 v128) (local $a v128)
    (local $c00 v128) (local $c01 v128) (local $c10 v128) (local $c11 v128)
    (local $c20 v128) (local $c21 v128) (local $c30 v128) (local $c31 v128)
    (local.set $x1 (local.get $xs))
    (local.set $x2 (i32.shl (local.get $xs) (i32.const 1)))
    (local.set $x3 (i32.add (local.get $x2) (local.get $xs)))
    (if (i32.lt_u (local.get $xp) (local.get $xe))
      (then
        (loop $k
          (local.set $w0 (v128.load (local.get $wp)))
          (local.set $w1 (v128.load offset=16 (local.get $wp)))
          (local.set $a (v128.load32_splat (local.get $xp)))
          (local.set $c00 (f32x4.add (local.get $c00) (f32x4.mul (local.get $a) (local.get $w0))))
          (local.set $c01 (f32x4.add (local.get $c01) (f32x4.mul (local.get $a) (local.get $w1))))
          (local.set $a (v128.load32_splat (i32.add (local.get $xp) (local.get $x1))))
          (local.set $c10 (f32x4.add (local.get $c10) (f32x4.mul (local.get $a) (local.get $w0))))
          (local.set $c11 (f32x4.add (local.get $c11) (f32x4.mul (local.get $a) (local.get $w1))))
          (local.set $a (v128.load32_splat (i32.add (local.get $xp) (local.get $x2))))
          (local.set $c20 (f32x4.add (local.get $c20) (f32x4.mul (local.get $a) (local.get $w0))))
          (local.set $c21 (f32x4.add (local.get $c21) (f32x4.mul (local.get $a) (local.get $w1))))
          (local.set $a (v128.load32_splat (i32.add (local.get $xp) (local.get $x3))))
          (local.set $c30 (f32x4.add (local.get $c30) (f32x4.mul (local.get $a) (local.get $w0))))
          (local.set $c31 (f32x4.add (local.get $c31) (f32x4.mul (local.get $a) (local.get $w1))))
          (local.set $xp (i32.add (local.get $xp) (local.get $xk)))
          (local.set $wp (i32.add (local.get $wp) (local.get $ws)))
          (br_if $k (i32.lt_u (local.get $xp) (local.get $xe))))))
    ;; The bias is added once, after all K products, exactly as in the reference.
    (if (local.get $bp)
      (then
        (local.set $w0 (v128.load (local.get $bp)))
        (local.set $w1 (v128.load offset=16 (local.get $bp)))
        (local.set $c00 (f32x4.add (local.get $c00) (local.get $w0)))
        (local.set $c01 (f32x4.add (local.get $c01) (local.get $w1)))
        (local.set $c10 (f32x4.add (local.get $c10) (local.get $w0)))
        (local.set $c11 (f32x4.add (local.get $c11) (local.get $w1)))
        (local.set $c20 (f32x4.add (local.get $c20) (local.get $w0)))
        (local.set $c21 (f32x4.add (local.get $c21) (local.get $w1)))
        (local.set $c30 (f32x4.add (local.get $c30) (local.get $w0)))
        (local.set $c31 (f32x4.add (local.get $c31) (local.get $w1)))))
    ;; NaN lanes become 0x7fc00000 (x86 produces 0xffc00000, other CPUs other patterns).
    (local.set $a (v128.const i32x4 0x7fc00000 0x7fc00000 0x7fc00000 0x7fc00000))
    (local.set $c00 (v128.bitselect (local.get $a) (local.get $c00) (f32x4.ne (local.get $c00) (local.get $c00))))
    (local.set $c01 (v128.bitselect (local.get $a) (local.get $c01) (f32x4.ne (local.get $c01) (local.get $c01))))
    (local.set $c10 (v128.bitselect (local.get $a) (local.get $c10) (f32x4.ne (local.get $c10) (local.get $c10))))
    (local.set $c11 (v128.bitselect (local.get $a) (local.get $c11) (f32x4.ne (local.get $c11) (local.get $c11))))
    (local.set $c20 (v128.bitselect (local.get $a) (local.get $c20) (f32x4.ne (local.get $c20) (local.get $c20))))
    (local.set $c21 (v128.bitselect (local.get $a) (local.get $c21) (f32x4.ne (local.get $c21) (local.get $c21))))
    (local.set $c30 (v128.bitselect (local.get $a) (local.get $c30) (f32x4.ne (local.get $c30) (local.get $c30))))
    (local.set $c31 (v128.bitselect (local.get $a) (local.get $c31) (f32x4.ne (local.get $c31) (local.get $c31))))
    (v128.store (local.get $op) (local.get $c00))
    (v128.store offset=16 (local.get $op) (local.get $c01))
    (local.set $op (i32.add (local.get $op) (local.get $os)))
    (v128.store (local.get $op) (local.get $c10))
    (v128.store offset=16 (local.get $op) (local.get $c11))
    (local.set $op (i32.add (local.get $op) (local.get $os)))
    (v128.store (local.get $op) (local.get $c20))
    (v128.store offset=16 (local.get $op) (local.get $c21))
    (local.set $op (i32.add (local.get $op) (local.get $os)))
    (v128.store (local.get $op) (local.get $c30))
    (v128.store offset=16 (local.get $op) (local.get $c31)))

  ;; Copies the first $n bytes (fewer than 32: the last columns of w) of each row of a column
  ;; panel ($src = &w[0, j], row stride $ws) into $dst … $end, 32 bytes per row, zero-filling the
  ;; rest. Narrow panels then run through the same 8-wide tiles without reading past the end of
  ;; a row of w; the padding lanes compute values that are never copied out.
  (func $packNarrow (param $src i32) (param $ws i32) (param $dst i32) (param $end i32) (param $n i32)
    (local $c i32)
    (if (i32.lt_u (local.get $dst) (local.get $end))
      (then
        (loop $k
          (v128.store (local.get $dst) (v128.const i64x2 0 0))
          (v128.store offset=16 (local.get $dst) (v128.const i64x2 0 0))
          (local.set $c (i32.const 0))
          (loop $col
            (i32.store (i32.add (local.get $dst) (local.get $c))
                       (i32.load (i32.add (local.get $src) (local.get $c))))
            (local.set $c (i32.add (local.get $c) (i32.const 4)))
            (br_if $col (i32.lt_u (local.get $c) (local.get $n))))
          (local.set $src (i32.add (local.get $src) (local.get $ws)))
          (local.set $dst (i32.add (local.get $dst) (i32.const 32)))
          (br_if $k (i32.lt_u (local.get $dst) (local.get $end)))))))

  ;; Copies the first $n bytes of $rows rows of the scratch tile ($src, 32-byte rows) to out
  ;; ($dst, row stride $os). Bits are copied, so canonical NaNs stay canonical.
  (func $unpackTile (param $src i32) (param $dst i32) (param $os i32) (param $rows i32) (param $n i32)
    (local $c i32)
    (loop $row
      (local.set $c (i32.const 0))
      (loop $col
        (i32.store (i32.add (local.get $dst) (local.get $c))
                   (i32.load (i32.add (local.get $src) (local.get $c))))
        (local.set $c (i32.add (local.get $c) (i32.const 4)))
        (br_if $col (i32.lt_u (local.get $c) (local.get $n))))
      (local.set $src (i32.add (local.get $src) (i32.const 32)))
      (local.set $dst (i32.add (local.get $dst) (local.get $os)))
      (local.set $rows (i32.sub (local.get $rows) (i32.const 1)))
      (br_if $row (local.get $rows))))

  ;; Copies an 8-wide column panel of w ($src = &w[0, j], row stride $ws) into $dst … $end,
  ;; 32 bytes per row. The copy moves bits: values, NaN payloads included, are unchanged.
  (func $packFull (param $src i32) (param $ws i32) (param $dst i32) (param $end i32)
    (if (i32.lt_u (local.get $dst) (local.get $end))
      (then
        (loop $k
          (v128.store (local.get $dst) (v128.load (local.get $src)))
          (v128.store offset=16 (local.get $dst) (v128.load offset=16 (local.get $src)))
          (local.set $src (i32.add (local.get $src) (local.get $ws)))
          (local.set $dst (i32.add (local.get $dst) (i32.const 32)))
          (br_if $k (i32.lt_u (local.get $dst) (local.get $end)))))))

;; Copies a column panel of a w held transposed (N×K, so column j of w is row j of the storage)
  ;; into $dst … $end, 32 bytes per k row: entry c of row k is w[k, j + c], read from
  ;; $src + c·$cs + 4k ($src = &storage[j, 0], $cs = 4K). The first $n bytes of each row are
  ;; copied, the rest zero-filled; bits are moved, never converted.
  (func $packTransposed (param $src i32) (param $cs i32) (param $dst i32) (param $end i32) (param $n i32)
    (local $c i32) (local $p i32)
    (if (i32.lt_u (local.get $dst) (local.get $end))
      (then
        (loop $k
          (v128.store (local.get $dst) (v128.const i64x2 0 0))
          (v128.store offset=16 (local.get $dst) (v128.const i64x2 0 0))
          (local.set $c (i32.const 0))
          (local.set $p (local.get $src))
          (loop $col
            (i32.store (i32.add (local.get $dst) (local.get $c)) (i32.load (local.get $p)))
            (local.set $p (i32.add (local.get $p) (local.get $cs)))
            (local.set $c (i32.add (local.get $c) (i32.const 4)))
            (br_if $col (i32.lt_u (local.get $c) (local.get $n))))
          (local.set $src (i32.add (local.get $src) (i32.const 4)))
          (local.set $dst (i32.add (local.get $dst) (i32.const 32)))
          (br_if $k (i32.lt_u (local.get $dst) (local.get $end)))))))

  ;; Column panels of 8 outermost: each panel of w is packed once into contiguous scratch, then
  ;; every block of 4 rows of x streams past it. In place, consecutive k rows of a panel are 4N
  ;; bytes apart, a new cache line and often a new page per k; packed they are adjacent, which
  ;; measured about 1.6× faster at B = 128, K = N = 1024. $scratch: see the layout above.
  ;; $layout: bit 0 set, x is held transposed (K×B); bit 1 set, w is held transposed (N×K). The
  ;; products and their order are the same in every layout: only the addresses differ.
  (func (export "matmul") (param $x i32) (param $w i32) (param $bias i32) (param $out i32)
                          (param $B i32) (param $K i32) (param $N i32) (param $useBias i32)
                          (param $scratch i32) (param $layout i32)
    (local $xs i32) (local $xk i32) (local $os i32) (local $rows i32) (local $panel i32) (local $panelEnd i32)
    (local $j i32) (local $width i32) (local $viaTile i32) (local $wp i32) (local $wstride i32)
    (local $bp i32) (local $b i32) (local $xp i32) (local $orow i32) (local $pad i32)
    (local $r i32) (local $kk i32) (local $src i32) (local $dst i32)
    (if (i32.eqz (local.get $B)) (then (return)))
    (local.set $os (i32.shl (local.get $N) (i32.const 2)))
    ;; $xs steps from row b to b + 1 of x, $xk from column k to k + 1.
    (if (i32.and (local.get $layout) (i32.const 1))
      (then
        (local.set $xs (i32.const 4))
        (local.set $xk (i32.shl (local.get $B) (i32.const 2))))
      (else
        (local.set $xs (i32.shl (local.get $K) (i32.const 2)))
        (local.set $xk (i32.const 4))))
    (local.set $pad (i32.add (local.get $scratch) (i32.const 160)))
    (local.set $panel (i32.add (local.get $pad) (i32.shl (local.get $K) (i32.const 4))))
    (local.set $panelEnd (i32.add (local.get $panel) (i32.shl (local.get $K) (i32.const 5))))
    ;; Row blocks are 4 rows. Fewer than 4 rows in all: copy them, row-major, into a zero-padded
    ;; 4-row block so the same tile runs (its extra rows are never copied out).
    (local.set $rows (i32.const 4))
    (if (i32.lt_u (local.get $B) (i32.const 4))
      (then
        (local.set $rows (local.get $B))
        (if (i32.and (local.get $layout) (i32.const 1))
          (then
            (if (local.get $K)
              (then
                (local.set $r (i32.const 0))
                (loop $gatherRow
                  (local.set $src (i32.add (local.get $x) (i32.shl (local.get $r) (i32.const 2))))
                  (local.set $dst (i32.add (local.get $pad) (i32.mul (local.get $r) (i32.shl (local.get $K) (i32.const 2)))))
                  (local.set $kk (i32.const 0))
                  (loop $gatherCol
                    (i32.store (local.get $dst) (i32.load (local.get $src)))
                    (local.set $src (i32.add (local.get $src) (local.get $xk)))
                    (local.set $dst (i32.add (local.get $dst) (i32.const 4)))
                    (local.set $kk (i32.add (local.get $kk) (i32.const 1)))
                    (br_if $gatherCol (i32.lt_u (local.get $kk) (local.get $K))))
                  (local.set $r (i32.add (local.get $r) (i32.const 1)))
                  (br_if $gatherRow (i32.lt_u (local.get $r) (local.get $B)))))))
          (else
            (memory.copy (local.get $pad) (local.get $x) (i32.mul (local.get $B) (i32.shl (local.get $K) (i32.const 2))))))
        (local.set $xs (i32.shl (local.get $K) (i32.const 2)))
        (local.set $xk (i32.const 4))
        (memory.fill (i32.add (local.get $pad) (i32.mul (local.get $B) (local.get $xs)))
          (i32.const 0) (i32.mul (i32.sub (i32.const 4) (local.get $B)) (local.get $xs)))
        (local.set $x (local.get $pad))
        (local.set $B (i32.const 4))))
    ;; $j and $width are in bytes: this panel covers columns j/4 … (j + width)/4 − 1.
    (local.set $j (i32.const 0))
    (block $done
      (loop $cols
        (br_if $done (i32.ge_u (local.get $j) (local.get $os)))
        (local.set $width (i32.sub (local.get $os) (local.get $j)))
        (if (i32.gt_u (local.get $width) (i32.const 32)) (then (local.set $width (i32.const 32))))
        (local.set $bp (select (i32.add (local.get $bias) (local.get $j)) (i32.const 0) (local.get $useBias)))
        ;; Tiles go through the scratch tile when some of their columns or rows are padding.
        (local.set $viaTile (i32.or (i32.lt_u (local.get $width) (i32.const 32))
                                    (i32.lt_u (local.get $rows) (i32.const 4))))
        (local.set $wp (local.get $panel))
        (local.set $wstride (i32.const 32))
        (if (i32.and (local.get $layout) (i32.const 2))
          (then
            ;; Columns j/4 … of w are rows of its storage: always packed (a gather per panel).
            (call $packTransposed (i32.add (local.get $w) (i32.mul (local.get $j) (local.get $K)))
              (i32.shl (local.get $K) (i32.const 2)) (local.get $panel) (local.get $panelEnd) (local.get $width)))
          (else
            (if (i32.lt_u (local.get $width) (i32.const 32))
              (then
                ;; Narrow last panel: w zero-padded to 8 columns.
                (call $packNarrow (i32.add (local.get $w) (local.get $j)) (local.get $os)
                  (local.get $panel) (local.get $panelEnd) (local.get $width)))
              (else
                ;; Full panel: packed only for B ≥ 16. Packing costs one extra pass over the panel,
                ;; which few row blocks do not win back (B = 4, K = N = 1024: 15 GFLOP/s packed,
                ;; 28 in place).
                (if (i32.ge_u (local.get $B) (i32.const 16))
                  (then
                    (call $packFull (i32.add (local.get $w) (local.get $j)) (local.get $os)
                      (local.get $panel) (local.get $panelEnd)))
                  (else
                    (local.set $wp (i32.add (local.get $w) (local.get $j)))
                    (local.set $wstride (local.get $os))))))))
        ;; A narrow panel's bias is zero-padded to 8 columns too.
        (if (i32.and (i32.lt_u (local.get $width) (i32.const 32)) (i32.ne (local.get $bp) (i32.const 0)))
          (then
            (call $packNarrow (local.get $bp) (i32.const 0) (i32.add (local.get $scratch) (i32.const 128))
              (local.get $pad) (local.get $width))
            (local.set $bp (i32.add (local.get $scratch) (i32.const 128)))))
        ;; Rows are counted, not compared by address: with K = 0 every x row has the same address.
        (local.set $b (i32.const 0))
        (loop $rowBlocks
          ;; The last block is aligned to the end (rows B − 4 … B − 1). When B is not a multiple
          ;; of 4 it overlaps the previous block and recomputes up to 3 rows, with identical
          ;; results: cheaper than 1-row tiles (B = 15 ran at 16 GFLOP/s that way, B = 16 at 29).
          (if (i32.gt_u (i32.add (local.get $b) (i32.const 4)) (local.get $B))
            (then (local.set $b (i32.sub (local.get $B) (i32.const 4)))))
          (local.set $xp (i32.add (local.get $x) (i32.mul (local.get $b) (local.get $xs))))
          (local.set $orow (i32.add (i32.add (local.get $out) (local.get $j))
                                    (i32.mul (local.get $b) (local.get $os))))
          (if (local.get $viaTile)
            (then
              (call $tile4x8 (local.get $xp) (local.get $xs) (local.get $xk)
                (i32.add (local.get $xp) (i32.mul (local.get $K) (local.get $xk)))
                (local.get $wp) (local.get $wstride) (local.get $scratch) (i32.const 32) (local.get $bp))
              (call $unpackTile (local.get $scratch) (local.get $orow) (local.get $os) (local.get $rows)
                (local.get $width)))
            (else
              (call $tile4x8 (local.get $xp) (local.get $xs) (local.get $xk)
                (i32.add (local.get $xp) (i32.mul (local.get $K) (local.get $xk)))
                (local.get $wp) (local.get $wstride) (local.get $orow) (local.get $os) (local.get $bp))))
          (local.set $b (i32.add (local.get $b) (i32.const 4)))
          (br_if $rowBlocks (i32.lt_u (local.get $b) (local.get $B))))
        (local.set $j (i32.add (local.get $j) (i32.const 32)))
        (br $cols))))

  ;; ---- Element-wise steps of training, on arrays the host keeps in this memory. Each gives the
  ;; bits of its plain-TypeScript definition in vectorOps.ts: the same IEEE operations (float64
  ;; where the definition computes in JS numbers, then one rounding to float32), lane by lane.

  ;; dst = src < 0 ? 0 : src for $n floats (−0 and NaN pass through, −∞ becomes +0).
  (func (export "relu") (param $src i32) (param $dst i32) (param $n i32)
    (local $end i32) (local $v v128)
    (local.set $end (i32.add (local.get $src) (i32.shl (local.get $n) (i32.const 2))))
    (block $tail
      (loop $four
        (br_if $tail (i32.gt_u (i32.add (local.get $src) (i32.const 16)) (local.get $end)))
        (local.set $v (v128.load (local.get $src)))
        (v128.store (local.get $dst)
          (v128.andnot (local.get $v) (f32x4.lt (local.get $v) (v128.const f32x4 0 0 0 0))))
        (local.set $src (i32.add (local.get $src) (i32.const 16)))
        (local.set $dst (i32.add (local.get $dst) (i32.const 16)))
        (br $four)))
    (block $done
      (loop $one
        (br_if $done (i32.ge_u (local.get $src) (local.get $end)))
        (i32.store (local.get $dst)
          (select (i32.const 0) (i32.load (local.get $src)) (f32.lt (f32.load (local.get $src)) (f32.const 0))))
        (local.set $src (i32.add (local.get $src) (i32.const 4)))
        (local.set $dst (i32.add (local.get $dst) (i32.const 4)))
        (br $one))))

  ;; dst = h > 0 ? incoming : 0 for $n floats: ReLU's φ′ (0 at 0) times what arrives from above.
  (func (export "reluMask") (param $h i32) (param $in i32) (param $dst i32) (param $n i32)
    (local $end i32)
    (local.set $end (i32.add (local.get $h) (i32.shl (local.get $n) (i32.const 2))))
    (block $tail
      (loop $four
        (br_if $tail (i32.gt_u (i32.add (local.get $h) (i32.const 16)) (local.get $end)))
        (v128.store (local.get $dst)
          (v128.and (v128.load (local.get $in))
                    (f32x4.gt (v128.load (local.get $h)) (v128.const f32x4 0 0 0 0))))
        (local.set $h (i32.add (local.get $h) (i32.const 16)))
        (local.set $in (i32.add (local.get $in) (i32.const 16)))
        (local.set $dst (i32.add (local.get $dst) (i32.const 16)))
        (br $four)))
    (block $done
      (loop $one
        (br_if $done (i32.ge_u (local.get $h) (local.get $end)))
        (i32.store (local.get $dst)
          (select (i32.load (local.get $in)) (i32.const 0) (f32.gt (f32.load (local.get $h)) (f32.const 0))))
        (local.set $h (i32.add (local.get $h) (i32.const 4)))
        (local.set $in (i32.add (local.get $in) (i32.const 4)))
        (local.set $dst (i32.add (local.get $dst) (i32.const 4)))
        (br $one))))

  ;; out[j] = fl32(Σ_b δ[b, j]) for δ $B × $N: each column summed in float64 from +0, rows in
  ;; order, four columns at a time in two float64 pairs.
  (func (export "sumRows") (param $d i32) (param $B i32) (param $N i32) (param $out i32)
    (local $rs i32) (local $j i32) (local $p i32) (local $end i32) (local $v v128)
    (local $lo v128) (local $hi v128) (local $s f64)
    (local.set $rs (i32.shl (local.get $N) (i32.const 2)))
    (local.set $end (i32.add (local.get $d) (i32.mul (local.get $B) (local.get $rs))))
    (block $tail
      (loop $cols
        (br_if $tail (i32.gt_u (i32.add (local.get $j) (i32.const 4)) (local.get $N)))
        (local.set $lo (v128.const f64x2 0 0))
        (local.set $hi (v128.const f64x2 0 0))
        (local.set $p (i32.add (local.get $d) (i32.shl (local.get $j) (i32.const 2))))
        (block $sum
          (loop $rows
            (br_if $sum (i32.ge_u (local.get $p) (local.get $end)))
            (local.set $v (v128.load (local.get $p)))
            (local.set $lo (f64x2.add (local.get $lo) (f64x2.promote_low_f32x4 (local.get $v))))
            (local.set $hi (f64x2.add (local.get $hi) (f64x2.promote_low_f32x4
              (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $v) (local.get $v)))))
            (local.set $p (i32.add (local.get $p) (local.get $rs)))
            (br $rows)))
        (v128.store (i32.add (local.get $out) (i32.shl (local.get $j) (i32.const 2)))
          (i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23
            (f32x4.demote_f64x2_zero (local.get $lo)) (f32x4.demote_f64x2_zero (local.get $hi))))
        (local.set $j (i32.add (local.get $j) (i32.const 4)))
        (br $cols)))
    (block $done
      (loop $col
        (br_if $done (i32.ge_u (local.get $j) (local.get $N)))
        (local.set $s (f64.const 0))
        (local.set $p (i32.add (local.get $d) (i32.shl (local.get $j) (i32.const 2))))
        (block $sum1
          (loop $rows1
            (br_if $sum1 (i32.ge_u (local.get $p) (local.get $end)))
            (local.set $s (f64.add (local.get $s) (f64.promote_f32 (f32.load (local.get $p)))))
            (local.set $p (i32.add (local.get $p) (local.get $rs)))
            (br $rows1)))
        (f32.store (i32.add (local.get $out) (i32.shl (local.get $j) (i32.const 2))) (f32.demote_f64 (local.get $s)))
        (local.set $j (i32.add (local.get $j) (i32.const 1)))
        (br $col))))

  ;; dst = fl32($c · g) for $n floats, the product in float64 (SGD's update with $c = −lr).
  (func (export "scale") (param $g i32) (param $dst i32) (param $n i32) (param $c f64)
    (local $end i32) (local $cc v128)
    (local.set $cc (f64x2.splat (local.get $c)))
    (local.set $end (i32.add (local.get $g) (i32.shl (local.get $n) (i32.const 2))))
    (block $tail
      (loop $two
        (br_if $tail (i32.gt_u (i32.add (local.get $g) (i32.const 8)) (local.get $end)))
        (v128.store64_lane 0 (local.get $dst)
          (f32x4.demote_f64x2_zero
            (f64x2.mul (local.get $cc) (f64x2.promote_low_f32x4 (v128.load64_zero (local.get $g))))))
        (local.set $g (i32.add (local.get $g) (i32.const 8)))
        (local.set $dst (i32.add (local.get $dst) (i32.const 8)))
        (br $two)))
    (if (i32.lt_u (local.get $g) (local.get $end))
      (then
        (f32.store (local.get $dst)
          (f32.demote_f64 (f64.mul (local.get $c) (f64.promote_f32 (f32.load (local.get $g)))))))))

  ;; SGD with momentum (PyTorch's, dampening 0): b = $first ? g : fl32(μ·buf + g) in float64;
  ;; buf = b; dst = fl32($c · b) with $c = −lr.
  (func (export "momentum") (param $g i32) (param $buf i32) (param $dst i32) (param $n i32)
                            (param $mu f64) (param $c f64) (param $first i32)
    (local $end i32) (local $b f32)
    (local.set $end (i32.add (local.get $g) (i32.shl (local.get $n) (i32.const 2))))
    (block $done
      (loop $one
        (br_if $done (i32.ge_u (local.get $g) (local.get $end)))
        (local.set $b
          (if (result f32) (local.get $first)
            (then (f32.load (local.get $g)))
            (else (f32.demote_f64 (f64.add (f64.mul (local.get $mu) (f64.promote_f32 (f32.load (local.get $buf))))
                                           (f64.promote_f32 (f32.load (local.get $g))))))))
        (f32.store (local.get $buf) (local.get $b))
        (f32.store (local.get $dst) (f32.demote_f64 (f64.mul (local.get $c) (f64.promote_f32 (local.get $b)))))
        (local.set $g (i32.add (local.get $g) (i32.const 4)))
        (local.set $buf (i32.add (local.get $buf) (i32.const 4)))
        (local.set $dst (i32.add (local.get $dst) (i32.const 4)))
        (br $one))))

  ;; Adam (Kingma & Ba, 2015, in PyTorch's form): m = fl32(β1·m + $c1·g), v = fl32(β2·v + ($c2·g)·g),
  ;; dst = fl32((−$step·m)/(√v/$root2 + ε)), every operation in float64 as the definition writes it.
  (func (export "adam") (param $g i32) (param $m i32) (param $v i32) (param $dst i32) (param $n i32)
                        (param $b1 f64) (param $c1 f64) (param $b2 f64) (param $c2 f64)
                        (param $step f64) (param $root2 f64) (param $eps f64)
    (local $end i32) (local $gi f64) (local $mi f32) (local $vi f32)
    (local.set $end (i32.add (local.get $g) (i32.shl (local.get $n) (i32.const 2))))
    (block $done
      (loop $one
        (br_if $done (i32.ge_u (local.get $g) (local.get $end)))
        (local.set $gi (f64.promote_f32 (f32.load (local.get $g))))
        (local.set $mi (f32.demote_f64 (f64.add (f64.mul (local.get $b1) (f64.promote_f32 (f32.load (local.get $m))))
                                               (f64.mul (local.get $c1) (local.get $gi)))))
        (local.set $vi (f32.demote_f64 (f64.add (f64.mul (local.get $b2) (f64.promote_f32 (f32.load (local.get $v))))
                                               (f64.mul (f64.mul (local.get $c2) (local.get $gi)) (local.get $gi)))))
        (f32.store (local.get $m) (local.get $mi))
        (f32.store (local.get $v) (local.get $vi))
        (f32.store (local.get $dst)
          (f32.demote_f64 (f64.div (f64.mul (f64.neg (local.get $step)) (f64.promote_f32 (local.get $mi)))
                                   (f64.add (f64.div (f64.sqrt (f64.promote_f32 (local.get $vi))) (local.get $root2))
                                            (local.get $eps)))))
        (local.set $g (i32.add (local.get $g) (i32.const 4)))
        (local.set $m (i32.add (local.get $m) (i32.const 4)))
        (local.set $v (i32.add (local.get $v) (i32.const 4)))
        (local.set $dst (i32.add (local.get $dst) (i32.const 4)))
        (br $one))))

  ;; p = fl32(p + d) for $n floats; returns 1 when every result is finite, else 0.
  (func (export "addFinite") (param $p i32) (param $d i32) (param $n i32) (result i32)
    (local $end i32) (local $v v128) (local $bad v128) (local $x f32)
    (local.set $end (i32.add (local.get $p) (i32.shl (local.get $n) (i32.const 2))))
    (block $tail
      (loop $four
        (br_if $tail (i32.gt_u (i32.add (local.get $p) (i32.const 16)) (local.get $end)))
        (local.set $v (f32x4.add (v128.load (local.get $p)) (v128.load (local.get $d))))
        (v128.store (local.get $p) (local.get $v))
        ;; v − v is 0 for a finite v and NaN for ±∞ or NaN.
        (local.set $v (f32x4.sub (local.get $v) (local.get $v)))
        (local.set $bad (v128.or (local.get $bad) (f32x4.ne (local.get $v) (local.get $v))))
        (local.set $p (i32.add (local.get $p) (i32.const 16)))
        (local.set $d (i32.add (local.get $d) (i32.const 16)))
        (br $four)))
    (block $done
      (loop $one
        (br_if $done (i32.ge_u (local.get $p) (local.get $end)))
        (local.set $x (f32.add (f32.load (local.get $p)) (f32.load (local.get $d))))
        (f32.store (local.get $p) (local.get $x))
        (local.set $x (f32.sub (local.get $x) (local.get $x)))
        (if (f32.ne (local.get $x) (local.get $x)) (then (local.set $bad (v128.const i32x4 -1 0 0 0))))
        (local.set $p (i32.add (local.get $p) (i32.const 4)))
        (local.set $d (i32.add (local.get $d) (i32.const 4)))
        (br $one)))
    (i32.eqz (v128.any_true (local.get $bad))))
)
