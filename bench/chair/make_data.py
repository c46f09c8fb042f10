#!/usr/bin/python3
"""Writes a synthetic CHAIR data root and captions for bench/chair/run.

Usage: make_data.py OUT_DIR SHARED_CHAIR_DIR [IMAGES]   (default 5000 images)

OUT_DIR/data/chair/images.jsonl (the image list), synonyms.txt and
punkt_tab/english/ copied from SHARED_CHAIR_DIR (the real tables), COCO
2014-format instances_val2014.json (the 80 categories, a few instances per
image with segmentation polygons, as the real file carries) and
captions_val2014.json (5 captions per image) under data/coco/annotations/,
and OUT_DIR/captions.jsonl: one detailed description per image (about 80
words, several sentences, objects present and hallucinated), as
`vleval score` reads predictions. Deterministic.
"""
import json
import os
import random
import shutil
import sys

CATEGORIES = ['person', 'bicycle', 'car', 'motorcycle', 'airplane', 'bus', 'train', 'truck', 'boat',
              'traffic light', 'fire hydrant', 'stop sign', 'parking meter', 'bench', 'bird', 'cat', 'dog',
              'horse', 'sheep', 'cow', 'elephant', 'bear', 'zebra', 'giraffe', 'backpack', 'umbrella',
              'handbag', 'tie', 'suitcase', 'frisbee', 'skis', 'snowboard', 'sports ball', 'kite',
              'baseball bat', 'baseball glove', 'skateboard', 'surfboard', 'tennis racket', 'bottle',
              'wine glass', 'cup', 'fork', 'knife', 'spoon', 'bowl', 'banana', 'apple', 'sandwich', 'orange',
              'broccoli', 'carrot', 'hot dog', 'pizza', 'donut', 'cake', 'chair', 'couch', 'potted plant', 'bed',
              'dining table', 'toilet', 'tv', 'laptop', 'mouse', 'remote', 'keyboard', 'cell phone',
              'microwave', 'oven', 'toaster', 'sink', 'refrigerator', 'book', 'clock', 'vase', 'scissors',
              'teddy bear', 'hair drier', 'toothbrush']
SENTENCES = [
    "The image shows a man riding a bicycle down a busy street next to a red bus.",
    "There are two dogs playing with a frisbee on the grass near a wooden bench.",
    "A woman is holding an umbrella while standing beside a parked car and a truck.",
    "On the table, there is a wine glass, a cup of coffee and a plate with a sandwich.",
    "In the background, several people are walking past a traffic light and a stop sign.",
    "The kitchen has a microwave, an oven, a sink and a refrigerator with magnets on it.",
    "A cat is sleeping on the couch next to a laptop and a remote control.",
    "Overall, the scene captures a lively moment in the city on a sunny afternoon.",
    "Mr. Smith stands near the toilet seat in the small bathroom, holding a toothbrush.",
    "The 3 giraffes and 2 zebras graze near the trees; a bird flies above them."]


def main():
    out, shared = sys.argv[1], sys.argv[2]
    count = int(sys.argv[3]) if len(sys.argv) > 3 else 5000
    rng = random.Random(14)
    chair = os.path.join(out, 'data', 'chair')
    annotations_dir = os.path.join(out, 'data', 'coco', 'annotations')
    os.makedirs(annotations_dir, exist_ok=True)
    os.makedirs(chair, exist_ok=True)
    shutil.copy(os.path.join(shared, 'synonyms.txt'), os.path.join(chair, 'synonyms.txt'))
    shutil.copytree(os.path.join(shared, 'punkt_tab'), os.path.join(chair, 'punkt_tab'), dirs_exist_ok=True)
    image_ids = [100000 + 17 * i for i in range(count)]
    categories = [{'supercategory': 'thing', 'id': k + 1, 'name': name} for k, name in enumerate(CATEGORIES)]
    images = [{'license': 1, 'file_name': 'COCO_val2014_%012d.jpg' % i, 'height': 480, 'width': 640,
               'id': i} for i in image_ids]
    instances, captions = [], []
    for i in image_ids:
        for _ in range(rng.randrange(1, 8)):
            x, y = rng.uniform(0, 500), rng.uniform(0, 400)
            polygon = [round(v, 2) for k in range(12) for v in (x + rng.uniform(0, 100), y + rng.uniform(0, 80))]
            instances.append({'segmentation': [polygon], 'area': 1234.5, 'iscrowd': 0, 'image_id': i,
                              'bbox': [round(x, 2), round(y, 2), 100.0, 80.0],
                              'category_id': rng.randrange(1, 81), 'id': len(instances) + 1})
        for k in range(5):
            captions.append({'image_id': i, 'id': len(captions) + 1,
                             'caption': SENTENCES[(i + k * 3) % len(SENTENCES)]})
    with open(os.path.join(annotations_dir, 'instances_val2014.json'), 'w') as f:
        json.dump({'info': {'description': 'synthetic'}, 'images': images, 'licenses': [],
                   'annotations': instances, 'categories': categories}, f)
    with open(os.path.join(annotations_dir, 'captions_val2014.json'), 'w') as f:
        json.dump({'info': {'description': 'synthetic'}, 'images': images, 'licenses': [],
                   'annotations': captions}, f)
    with open(os.path.join(chair, 'images.jsonl'), 'w') as f:
        for i in image_ids:
            f.write(json.dumps({'image': 'COCO_val2014_%012d.jpg' % i}) + '\n')
    with open(os.path.join(out, 'captions.jsonl'), 'w') as f:
        for n, i in enumerate(image_ids):
            text = ' '.join(SENTENCES[(n + k * 3) % len(SENTENCES)] for k in range(6))
            f.write(json.dumps({'id': i, 'output': text}) + '\n')


if __name__ == '__main__':
    main()
