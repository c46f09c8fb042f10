// The built-in annotation loaders, one file each. Every loader registers one
// name (equal to the "loader" field of configs/tasks/*.json) and documents its
// files, its loader_options, its sample ids, prompt fields and references.
//
// Options every loader accepts: "image_dirs" (folders tried instead of the
// default image folders, relative to the data root or absolute). File options
// are listed per loader.
//
// okvqa   okvqa/OpenEnded_mscoco_val2014_questions[_clean].json +
//         okvqa/mscoco_val2014_annotations[_clean].json (VQA format);
//         options questions, annotations. id: question_id. fields: question.
//         references: {answers: [10 strings], question_type, answer_type}.
//         images: coco/val2014 (2014 name), coco/train2017, coco/val2017.
// gqa     gqa/testdev_balanced_questions.json, official dict (qid -> {imageId,
//         question, answer}) or LAVIS list ([{image, question, answer,
//         question_id}]), detected; option file. id: question id.
//         fields: question. references: {answer}. images: gqa/images.
// vsr     vsr/test.jsonl (or zeroshot_test.jsonl); option file. id: row index.
//         fields: caption. references: {label: 0|1} (1 = "true").
//         images: vsr/images, coco/train2017, coco/val2017.
// iconvqa iconvqa/problems.json + iconvqa/pid_splits.json (option split,
//         default choose_txt_val), else iconvqa/choose_text_val.json ([{image_id,
//         question, choices, answer}]); options problems, pid_splits,
//         ready_file. id: problem id. fields: question.
//         references: {choices: [strings], answer: index}.
//         images: iconvqa/iconqa/val/choose_txt/<pid>/image.png.
// vizwiz  vizwiz/val.json; option file. id: image file name. fields: question.
//         references: {answers: [10 strings], answer_type, answerable}.
//         images: vizwiz/val.
// hm      hm/dev.jsonl; option file. id: id. fields: text.
//         references: {label: 0|1}. images: hm/<img>.
// refcoco refcoco/<dataset>_<split>.json (or refcoco/<dataset>/<dataset>_
//         <split>.json); options dataset, split (required), file. id: row
//         index. fields: sent. references: {img_id, bbox: [x, y, w, h] pixels,
//         width, height}. images: coco/train2014 (2014 name), coco/train2017.
// chair   chair/images.jsonl (lines with "image": a COCO file name) + COCO
//         coco/annotations/{instances,captions}_val2014.json and the
//         metric's tables chair/synonyms.txt + chair/punkt_tab/english/*
//         (presence only, each missing one named with where it is published:
//         the CHAIR metric reads them); options image_list, annotations_dir.
//         id: COCO image id. fields: none. references: {image_id}.
//         images: coco/val2014 (2014 name), coco/val2017, coco/train2017.
#pragma once

#include "benchmarks/loader.h"

namespace vleval {

void AddOkvqaLoader(Registry<LoaderEntry>& registry);
void AddGqaLoader(Registry<LoaderEntry>& registry);
void AddVsrLoader(Registry<LoaderEntry>& registry);
void AddIconvqaLoader(Registry<LoaderEntry>& registry);
void AddVizwizLoader(Registry<LoaderEntry>& registry);
void AddHmLoader(Registry<LoaderEntry>& registry);
void AddRefcocoLoader(Registry<LoaderEntry>& registry);
void AddChairLoader(Registry<LoaderEntry>& registry);

inline void AddBuiltinLoaders(Registry<LoaderEntry>& registry) {
  AddOkvqaLoader(registry);
  AddGqaLoader(registry);
  AddVsrLoader(registry);
  AddIconvqaLoader(registry);
  AddVizwizLoader(registry);
  AddHmLoader(registry);
  AddRefcocoLoader(registry);
  AddChairLoader(registry);
}

}  // namespace vleval
