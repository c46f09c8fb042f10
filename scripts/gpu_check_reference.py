#!/usr/bin/env python3
# The reference side of scripts/gpu-check, written independently of vleval's
# C++ engine. Each command reads what bench_gpu_check wrote and writes a JSON
# comparison or measurement:
#   llama --llama DIR --vleval FILE --device D --out FILE
#       transformers' LlamaForCausalLM (eager attention) on the same folder and
#       ids, in the dtype vleval ran: first-step logits max abs / relative
#       difference and greedy tokens (EOS banned at the first step). Without
#       transformers (the CPU dry run), a plain PyTorch LLaMA stands in.
#   eva --vit F --checkpoint F --vleval FILE --device D --out FILE
#       a plain PyTorch EVA ViT-g + ln_vision + llama_proj: on CUDA as the
#       official scripts run it (convert_weights_to_fp16, autocast fp16), on
#       CPU in float32; max abs / relative difference of the image embeddings.
#   generate --llama DIR --vit F --checkpoint F --batch N --new-tokens N
#            --prompt-positions N --device D --out FILE
#       the official approach's throughput: that EVA, then transformers'
#       generate (fp16, left padding, inputs_embeds, greedy) on prompts of the
#       same length; samples/s. The plain loop stands in without transformers.
import argparse
import json
import math
import os
import time

import torch
import torch.nn.functional as F

try:
    import transformers
except ImportError:
    transformers = None


def load_torch(path):
    try:
        return torch.load(path, map_location="cpu", weights_only=True)
    except TypeError:  # torch < 1.13 has no weights_only
        return torch.load(path, map_location="cpu")


def read_safetensors(folder):
    """Every tensor of a Llama folder's safetensors shards (header parsed here)."""
    dtypes = {"F16": torch.float16, "BF16": torch.bfloat16, "F32": torch.float32}
    tensors = {}
    for name in sorted(os.listdir(folder)):
        if not name.endswith(".safetensors"):
            continue
        with open(os.path.join(folder, name), "rb") as f:
            size = int.from_bytes(f.read(8), "little")
            header = json.loads(f.read(size))
            base = 8 + size
            for key, entry in header.items():
                if key == "__metadata__":
                    continue
                start, end = entry["data_offsets"]
                f.seek(base + start)
                raw = bytearray(f.read(end - start))
                dtype = dtypes[entry["dtype"]]
                flat = torch.frombuffer(raw, dtype=torch.int16 if dtype != torch.float32 else torch.float32)
                tensors[key] = (flat.view(dtype) if dtype != torch.float32 else flat).reshape(entry["shape"]).clone()
    return tensors


class PlainLlama:
    """HF LlamaForCausalLM's math in plain PyTorch (no cache): the dry run's stand-in."""

    def __init__(self, folder, dtype, device):
        self.config = json.load(open(os.path.join(folder, "config.json")))
        self.w = {k: v.to(device, dtype) for k, v in read_safetensors(folder).items()}
        self.dtype, self.device = dtype, device

    def embed(self, ids):
        return self.w["model.embed_tokens.weight"][ids]

    def rms(self, x, weight):
        x32 = x.float()
        return weight * (x32 * torch.rsqrt(x32.pow(2).mean(-1, keepdim=True) + self.config["rms_norm_eps"])).to(x.dtype)

    def logits(self, embeds, mask):
        c, w = self.config, self.w
        b, t, hidden = embeds.shape
        heads = c["num_attention_heads"]
        hd = hidden // heads
        pos = (mask.long().cumsum(-1) - 1).masked_fill(mask == 0, 1)
        inv = 1.0 / (c.get("rope_theta", 10000.0) ** (torch.arange(0, hd, 2, device=self.device).float() / hd))
        freqs = pos[..., None].float() * inv
        emb = torch.cat([freqs, freqs], -1)[:, None]
        cos, sin = emb.cos().to(self.dtype), emb.sin().to(self.dtype)
        allowed = torch.tril(torch.ones(t, t, dtype=torch.bool, device=self.device))[None] & mask.bool()[:, None, :]
        bias = torch.zeros(b, 1, t, t, device=self.device, dtype=self.dtype).masked_fill(
            ~allowed[:, None], torch.finfo(self.dtype).min)

        def rot(x):
            return torch.cat([-x[..., hd // 2:], x[..., :hd // 2]], -1)

        x = embeds
        for i in range(c["num_hidden_layers"]):
            p = "model.layers.%d." % i
            h = self.rms(x, w[p + "input_layernorm.weight"])
            q, k, v = [F.linear(h, w[p + "self_attn.%s_proj.weight" % n]).view(b, t, heads, hd).transpose(1, 2)
                       for n in "qkv"]
            q, k = q * cos + rot(q) * sin, k * cos + rot(k) * sin
            a = (q @ k.transpose(2, 3) / math.sqrt(hd) + bias).softmax(-1, dtype=torch.float32).to(self.dtype)
            x = x + F.linear((a @ v).transpose(1, 2).reshape(b, t, hidden), w[p + "self_attn.o_proj.weight"])
            h = self.rms(x, w[p + "post_attention_layernorm.weight"])
            x = x + F.linear(F.silu(F.linear(h, w[p + "mlp.gate_proj.weight"])) * F.linear(h, w[p + "mlp.up_proj.weight"]),
                             w[p + "mlp.down_proj.weight"])
        return F.linear(self.rms(x, w["model.norm.weight"]), w["lm_head.weight"]).float()


class HfLlama:
    def __init__(self, folder, dtype, device):
        try:
            self.model = transformers.LlamaForCausalLM.from_pretrained(folder, dtype=dtype, attn_implementation="eager")
        except TypeError:
            self.model = transformers.LlamaForCausalLM.from_pretrained(folder, torch_dtype=dtype, attn_implementation="eager")
        self.model.to(device).eval()

    def embed(self, ids):
        return self.model.get_input_embeddings()(ids)

    def logits(self, embeds, mask):
        return self.model(inputs_embeds=embeds, attention_mask=mask.long()).logits.float()


def greedy(model, embeds, mask, steps, eos=2):
    tokens = []
    for step in range(steps):
        logits = model.logits(embeds, mask)[:, -1]
        if step == 0:
            logits[:, eos] = -float("inf")
        nxt = logits.argmax(-1)
        tokens.append(int(nxt[0]))
        if tokens[-1] == eos:
            break
        embeds = torch.cat([embeds, model.embed(nxt)[:, None]], 1)
        mask = torch.cat([mask, torch.ones_like(mask[:, :1])], 1)
    return tokens


def cmd_llama(args):
    ours = json.load(open(args.vleval))
    dtype = {"float32": torch.float32, "float16": torch.float16, "bfloat16": torch.bfloat16}[ours["dtype"]]
    model = (HfLlama if transformers else PlainLlama)(args.llama, dtype, args.device)
    ids = torch.tensor([ours["ids"]], device=args.device)
    with torch.no_grad():
        embeds = model.embed(ids)
        mask = torch.ones_like(ids)
        reference = model.logits(embeds, mask)[0, -1].cpu()
        tokens = greedy(model, embeds, mask, len(ours["tokens"]))
    mine = torch.tensor(ours["first_logits"])
    diff = (mine - reference).abs()
    agree = next((i for i, (a, b) in enumerate(zip(tokens, ours["tokens"])) if a != b), min(len(tokens), len(ours["tokens"])))
    result = {"reference": "transformers %s LlamaForCausalLM (eager)" % transformers.__version__ if transformers
              else "plain PyTorch LLaMA (transformers absent)", "dtype": ours["dtype"],
              "first_logits_max_abs_diff": float(diff.max()),
              "first_logits_max_rel_diff": float(diff.max() / reference.abs().max()),
              "logits_scale": float(reference.abs().max()),
              "same_argmax": int(mine.argmax()) == int(reference.argmax()),
              "greedy_tokens_equal": tokens == ours["tokens"], "greedy_tokens_agreeing_prefix": agree,
              "greedy_steps": len(ours["tokens"])}
    json.dump(result, open(args.out, "w"), indent=1)
    print(json.dumps(result))


def eva_embeds(vit_sd, ckpt, images, heads, depth, device, official_fp16):
    """EVA ViT-g (MiniGPT-4's eva_vit.py) + ln_vision + llama_proj."""
    d = vit_sd["cls_token"].shape[-1]
    linear_keys = [k for k in vit_sd if k.endswith(("qkv.weight", "proj.weight", "fc1.weight", "fc2.weight", "fc1.bias",
                                                     "fc2.bias", "proj.bias"))]
    sd = {k: v.to(device).float() for k, v in vit_sd.items()}
    if official_fp16:  # convert_weights_to_fp16: Conv/Linear weights and biases only
        for k in linear_keys + ["patch_embed.proj.weight", "patch_embed.proj.bias"]:
            sd[k] = sd[k].half()
    ck = {k: v.to(device).float() for k, v in ckpt.items()}
    images = images.to(device)
    ctx = torch.autocast("cuda", dtype=torch.float16) if official_fp16 else torch.no_grad()
    with torch.no_grad(), ctx:
        b = images.shape[0]
        x = F.conv2d(images, sd["patch_embed.proj.weight"], sd["patch_embed.proj.bias"], stride=14)
        grid = x.shape[-1]
        x = x.flatten(2).transpose(1, 2)
        pos = sd["pos_embed"].float()
        stored = int(round(math.sqrt(pos.shape[1] - 1)))
        patches = pos[:, 1:].reshape(1, stored, stored, d).permute(0, 3, 1, 2)
        with torch.autocast("cuda", enabled=False) if official_fp16 else torch.no_grad():
            patches = F.interpolate(patches.float(), size=(grid, grid), mode="bicubic", align_corners=False)
        pos = torch.cat([pos[:, :1], patches.permute(0, 2, 3, 1).flatten(1, 2)], 1)
        x = torch.cat([sd["cls_token"].expand(b, -1, -1), x], 1) + pos
        n, hd = x.shape[1], d // heads
        for i in range(depth):
            p = "blocks.%d." % i
            h = F.layer_norm(x, (d,), sd[p + "norm1.weight"], sd[p + "norm1.bias"], 1e-6)
            bias = torch.cat([sd[p + "attn.q_bias"], torch.zeros_like(sd[p + "attn.v_bias"]), sd[p + "attn.v_bias"]])
            qkv = F.linear(h, sd[p + "attn.qkv.weight"], bias).reshape(b, n, 3, heads, hd).permute(2, 0, 3, 1, 4)
            q, k, v = qkv[0] * hd ** -0.5, qkv[1], qkv[2]
            a = (q @ k.transpose(-2, -1)).softmax(-1)
            x = x + F.linear((a @ v).transpose(1, 2).reshape(b, n, d), sd[p + "attn.proj.weight"], sd[p + "attn.proj.bias"])
            h = F.layer_norm(x, (d,), sd[p + "norm2.weight"], sd[p + "norm2.bias"], 1e-6)
            x = x + F.linear(F.gelu(F.linear(h, sd[p + "mlp.fc1.weight"], sd[p + "mlp.fc1.bias"])),
                             sd[p + "mlp.fc2.weight"], sd[p + "mlp.fc2.bias"])
        x = F.layer_norm(x, (d,), ck["ln_vision.weight"], ck["ln_vision.bias"], 1e-5)
        x = x[:, 1:].reshape(b, -1, d * 4)
        return F.linear(x, ck["llama_proj.weight"], ck["llama_proj.bias"]).float()


def model_config(path):
    config = json.load(open(path))
    config = config.get("architecture", config)  # configs/models/*.json keep it in a section
    return config.get("vit_heads", 16), config.get("vit_depth", 39), config.get("image_size", 448)


def cmd_eva(args):
    ours = json.load(open(args.vleval))
    n, side = ours["images"], ours["image_size"]
    images = torch.from_file(args.vleval + ".images.f32", size=n * 3 * side * side).reshape(n, 3, side, side)
    mine = torch.from_file(args.vleval + ".embeds.f32", size=math.prod(ours["embeds_shape"])).reshape(ours["embeds_shape"])
    heads, depth, _ = model_config(args.model_config)
    vit = load_torch(args.vit)
    ckpt = load_torch(args.checkpoint)["model"]
    official = args.device.startswith("cuda")
    reference = eva_embeds(vit, ckpt, images, heads, depth, args.device, official).cpu()
    diff = (mine - reference).abs()
    result = {"reference": "plain PyTorch EVA, " + ("convert_weights_to_fp16 + autocast fp16" if official else "float32"),
              "embeds_max_abs_diff": float(diff.max()), "embeds_max_rel_diff": float(diff.max() / reference.abs().max()),
              "embeds_mean_abs_diff": float(diff.mean()), "embeds_scale": float(reference.abs().max())}
    json.dump(result, open(args.out, "w"), indent=1)
    print(json.dumps(result))


def cmd_generate(args):
    heads, depth, side = model_config(args.model_config)
    device = args.device
    dtype = torch.float16 if device.startswith("cuda") else torch.float32
    vit = load_torch(args.vit)
    ckpt = load_torch(args.checkpoint)["model"]
    llama = (HfLlama if transformers else PlainLlama)(args.llama, dtype, device)
    batch = args.batch
    torch.manual_seed(0)
    images = torch.randn(batch, 3, side, side)
    official = device.startswith("cuda")

    def one_batch():
        image_embeds = eva_embeds(vit, ckpt, images, heads, depth, device, official).to(dtype)
        text_len = max(1, args.prompt_positions - image_embeds.shape[1])
        rows = []
        for r in range(batch):  # prompts of a few tokens' difference: left padding
            n = max(1, text_len - r % 4)
            ids = torch.arange(3, 3 + n, device=device) % 300 + 3
            rows.append(torch.cat([llama.embed(ids[:6]), image_embeds[r], llama.embed(ids[6:])]))
        longest = max(r.shape[0] for r in rows)
        embeds = torch.zeros(batch, longest, rows[0].shape[1], dtype=dtype, device=device)
        mask = torch.zeros(batch, longest, dtype=torch.long, device=device)
        for r, row in enumerate(rows):
            embeds[r, longest - row.shape[0]:] = row
            mask[r, longest - row.shape[0]:] = 1
        with torch.no_grad():
            if transformers:
                out = llama.model.generate(inputs_embeds=embeds, attention_mask=mask, max_new_tokens=args.new_tokens,
                                           do_sample=False, num_beams=1, pad_token_id=0)
                return out.shape[1] * batch
            count = 0
            for r in range(batch):
                count += len(greedy(llama, embeds[r:r + 1], mask[r:r + 1], args.new_tokens))
            return count

    one_batch()  # warm-up
    if device.startswith("cuda"):
        torch.cuda.synchronize()
    start = time.time()
    rounds = args.rounds
    for _ in range(rounds):
        one_batch()
    if device.startswith("cuda"):
        torch.cuda.synchronize()
    seconds = time.time() - start
    result = {"reference": ("transformers %s generate" % transformers.__version__) if transformers
              else "plain PyTorch greedy loop (transformers absent)", "batch": batch, "rounds": rounds,
              "new_tokens": args.new_tokens, "prompt_positions": args.prompt_positions,
              "samples_per_s": batch * rounds / seconds}
    json.dump(result, open(args.out, "w"), indent=1)
    print(json.dumps(result))


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("llama")
    p.add_argument("--llama", required=True)
    p.add_argument("--vleval", required=True)
    p.add_argument("--device", default="cpu")
    p.add_argument("--out", required=True)
    p = sub.add_parser("eva")
    for a in ("--vit", "--checkpoint", "--model-config", "--vleval", "--out"):
        p.add_argument(a, required=True)
    p.add_argument("--device", default="cpu")
    p = sub.add_parser("generate")
    for a in ("--llama", "--vit", "--checkpoint", "--model-config", "--out"):
        p.add_argument(a, required=True)
    p.add_argument("--device", default="cpu")
    p.add_argument("--batch", type=int, default=10)
    p.add_argument("--rounds", type=int, default=3)
    p.add_argument("--new-tokens", type=int, default=20)
    p.add_argument("--prompt-positions", type=int, default=296)
    args = parser.parse_args()
    {"llama": cmd_llama, "eva": cmd_eva, "generate": cmd_generate}[args.command](args)


if __name__ == "__main__":
    main()
