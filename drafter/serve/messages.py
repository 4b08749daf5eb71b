"""The server's own refusals, in Chinese by default and English on request, and how a request asks for English.

Messages about a document come from the commands themselves (DrafterError), so the page says what the command
line says; these are only about the request.
"""
from __future__ import annotations

from urllib.parse import parse_qs

MESSAGES = {
    "bad_host": ("拒绝访问：请求的 Host “{host}” 不是本服务的地址（请用 drafter serve 打印的网址打开）",
                 "refused: Host '{host}' is not this server's address (open the URL drafter serve printed)"),
    "cross_origin": ("拒绝访问：这个请求来自别的网站，不是本工作台的页面",
                     "refused: this request comes from another site, not from the workbench's own pages"),
    "bad_path": ("找不到这个地址", "no such address"),
    "bad_length": ("请求头 Content-Length 不正确", "bad Content-Length header"),
    "too_large": ("上传的内容太大（上限 {mb:g} MB；启动时可用 --max-upload 调整）",
                  "upload too large (limit {mb:g} MB; start with --max-upload to change it)"),
    "not_multipart": ("请以 multipart/form-data 上传文件", "send the files as multipart/form-data"),
    "bad_form": ("上传的表单无法读取：{detail}", "cannot read the uploaded form: {detail}"),
    "missing": ("缺少上传文件“{field}”", "missing upload '{field}'"),
    "unknown_field": ("不认识的字段“{field}”（可用：{allowed}）", "unknown field '{field}' (allowed: {allowed})"),
    "not_file": ("“{field}”应是上传的文件", "'{field}' must be an uploaded file"),
    "not_text": ("“{field}”应是文字字段，不是文件", "'{field}' must be a text field, not a file"),
    "bad_value": ("字段“{field}”的值“{value}”不对（可选：{allowed}）",
                  "field '{field}' has a bad value '{value}' (allowed: {allowed})"),
    "bad_year": ("字段“year”应是年份数字，如 2024", "field 'year' must be a year such as 2024"),
    "bad_json": ("请求内容不是有效的 JSON：{detail}", "the request body is not valid JSON: {detail}"),
    "json_shape": ("请求内容应为 {{\"outline\": {{…}}, \"format\": \"docx|txt|md\"}}",
                   "the request body must be {{\"outline\": {{…}}, \"format\": \"docx|txt|md\"}}"),
    "not_found": ("找不到这个地址", "no such address"),
    "method": ("这个地址不接受 {method} 请求", "this address does not accept {method}"),
    "internal": ("服务器内部出错，未能完成（详情已记入服务器日志）；请重试，或把文件另存后再试",
                 "internal error: the request could not be completed (details are in the server log)"),
    "no_memory": ("内存不足，输入过大", "out of memory: input too large"),
    "no_job": ("没有这个任务（可能已过期）", "no such job (it may have expired)"),
    "job_pending": ("任务尚未完成", "the job has not finished yet"),
    "shutting_down": ("服务正在关闭", "the server is shutting down"),
}


def message(key: str, lang: str = "zh", **kw) -> str:
    zh, en = MESSAGES[key]
    return (en if lang == "en" else zh).format(**kw)


def lang_of_scope(scope) -> str:
    """`?lang=en`, else the first language of Accept-Language; Chinese unless English is asked for."""
    qs = parse_qs((scope.get("query_string") or b"").decode("latin-1"))
    if qs.get("lang"):
        return "en" if qs["lang"][0].lower().startswith("en") else "zh"
    for k, v in scope.get("headers", []):
        if k.lower() == b"accept-language":
            first = v.decode("latin-1").split(",")[0].strip().lower()
            return "en" if first.startswith("en") else "zh"
    return "zh"
